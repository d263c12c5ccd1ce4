-- The real-time authorization answer for a card, from its contract's state, as an OCPI AllowedType. A contract with
-- rows in billing_contract_location may charge at those locations only. No row: the card is unknown to billing.
-- Card uids are kept upper-case in billing, as the adapter hands them (OCPI compares uids case aside), so that the
-- lookup is one index probe. Its three parameters are counted in routes/billing.camel.yaml (parametersCount): change
-- that count with them.
SELECT c.contract_id,
       CASE
           WHEN c.state = 'BLOCKED' THEN 'BLOCKED'
           WHEN c.state = 'ENDED' OR c.valid_until < CURRENT_DATE THEN 'EXPIRED'
           WHEN c.credit_limit IS NOT NULL AND c.balance_due >= c.credit_limit THEN 'NO_CREDIT'
           WHEN CAST(:#${header.OcpiLocationId} AS VARCHAR(36)) IS NOT NULL
                AND EXISTS (SELECT 1 FROM billing_contract_location r WHERE r.contract_id = c.contract_id)
                AND NOT EXISTS (SELECT 1 FROM billing_contract_location r WHERE r.contract_id = c.contract_id
                                AND UPPER(r.location_id) = UPPER(CAST(:#${header.OcpiLocationId} AS VARCHAR(36)))) THEN 'NOT_ALLOWED'
           ELSE 'ALLOWED'
       END AS allowed
FROM billing_card k
JOIN billing_contract c ON c.contract_id = k.contract_id
WHERE k.uid = :#${header.OcpiObjectId}
