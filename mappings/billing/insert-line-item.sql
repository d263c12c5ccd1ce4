-- One billing line per CDR; a CDR already billed is left as it is (the outbox may hand it over twice after a crash).
-- Fields a CDR may lack are read through the body expression, which gives null when absent, so that the row is kept.
INSERT INTO billing_line_item (cpo_country_code, cpo_party_id, cdr_id, contract_id, token_uid, started_at, ended_at,
                               energy_kwh, currency, amount_excl_vat, amount_incl_vat, location_id, evse_id)
VALUES (:#cpo_country_code, :#cpo_party_id, :#cdr_id, :#contract_id, :#token_uid,
        CAST(:#started_at AS TIMESTAMP WITH TIME ZONE), CAST(:#ended_at AS TIMESTAMP WITH TIME ZONE),
        :#energy_kwh, :#currency, :#amount_excl_vat, :#${body[amount_incl_vat]}, :#location_id, :#${body[evse_id]})
ON CONFLICT DO NOTHING
