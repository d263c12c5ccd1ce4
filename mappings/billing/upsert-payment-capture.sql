-- One row per financial advice confirmation of a PTP, as the PTP last sent it: sent twice, or handed over twice by the
-- outbox after a crash, it is still one row. Fields a confirmation may lack are read through the body expression,
-- which gives null when absent. Every value is cast, so that PostgreSQL knows the type of a null.
MERGE INTO billing_payment_capture t
USING (VALUES (CAST(:#ptp_country_code AS VARCHAR(2)), CAST(:#ptp_party_id AS VARCHAR(3)), CAST(:#confirmation_id AS VARCHAR(36)),
               CAST(:#authorization_reference AS VARCHAR(36)), CAST(:#capture_status AS VARCHAR(15)),
               CAST(:#${body[capture_message]} AS VARCHAR(255)), CAST(:#currency AS VARCHAR(3)),
               CAST(:#amount_excl_vat AS NUMERIC(12, 4)), CAST(:#${body[amount_incl_vat]} AS NUMERIC(12, 4)),
               CAST(:#${body[eft_data]} AS TEXT), CAST(:#last_updated AS TIMESTAMP WITH TIME ZONE)))
    AS s (ptp_country_code, ptp_party_id, confirmation_id, authorization_reference, capture_status, capture_message,
          currency, amount_excl_vat, amount_incl_vat, eft_data, last_updated)
ON t.ptp_country_code = s.ptp_country_code AND t.ptp_party_id = s.ptp_party_id AND t.confirmation_id = s.confirmation_id
WHEN MATCHED THEN
    UPDATE SET authorization_reference = s.authorization_reference, capture_status = s.capture_status,
               capture_message = s.capture_message, currency = s.currency, amount_excl_vat = s.amount_excl_vat,
               amount_incl_vat = s.amount_incl_vat, eft_data = s.eft_data, last_updated = s.last_updated
WHEN NOT MATCHED THEN
    INSERT (ptp_country_code, ptp_party_id, confirmation_id, authorization_reference, capture_status, capture_message,
            currency, amount_excl_vat, amount_incl_vat, eft_data, last_updated)
    VALUES (s.ptp_country_code, s.ptp_party_id, s.confirmation_id, s.authorization_reference, s.capture_status,
            s.capture_message, s.currency, s.amount_excl_vat, s.amount_incl_vat, s.eft_data, s.last_updated)
