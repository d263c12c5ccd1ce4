-- One row per terminal of a PTP, as the PTP last sent it: the outbox hands the changes over in order, and may hand one
-- over twice after a crash, which writes the same row again. Fields a terminal may lack are read through the body
-- expression, which gives null when absent. Every value is cast, so that PostgreSQL knows the type of a null.
MERGE INTO billing_payment_terminal t
USING (VALUES (CAST(:#ptp_country_code AS VARCHAR(2)), CAST(:#ptp_party_id AS VARCHAR(3)), CAST(:#terminal_id AS VARCHAR(36)),
               CAST(:#${body[customer_reference]} AS VARCHAR(36)), CAST(:#${body[terminal_reference]} AS VARCHAR(36)),
               CAST(:#${body[invoice_creator]} AS VARCHAR(3)), CAST(:#${body[invoice_base_url]} AS VARCHAR(255)),
               CAST(:#${body[location_ids]} AS TEXT), CAST(:#${body[evse_uids]} AS TEXT),
               CAST(:#${body[last_updated]} AS TIMESTAMP WITH TIME ZONE)))
    AS s (ptp_country_code, ptp_party_id, terminal_id, customer_reference, terminal_reference, invoice_creator,
          invoice_base_url, location_ids, evse_uids, last_updated)
ON t.ptp_country_code = s.ptp_country_code AND t.ptp_party_id = s.ptp_party_id AND t.terminal_id = s.terminal_id
WHEN MATCHED THEN
    UPDATE SET customer_reference = s.customer_reference, terminal_reference = s.terminal_reference,
               invoice_creator = s.invoice_creator, invoice_base_url = s.invoice_base_url, location_ids = s.location_ids,
               evse_uids = s.evse_uids, last_updated = s.last_updated
WHEN NOT MATCHED THEN
    INSERT (ptp_country_code, ptp_party_id, terminal_id, customer_reference, terminal_reference, invoice_creator,
            invoice_base_url, location_ids, evse_uids, last_updated)
    VALUES (s.ptp_country_code, s.ptp_party_id, s.terminal_id, s.customer_reference, s.terminal_reference, s.invoice_creator,
            s.invoice_base_url, s.location_ids, s.evse_uids, s.last_updated)
