-- Scenario 2's data: 1,000,000 contracts in billing, one card each (uid B0000000..B0999999), every 10th contract
-- blocked and every 20th (offset 5) over its credit limit; the cards marked published, and their Tokens in the
-- adapter's store, as they would be after the billing-cards-to-tokens route had run.
INSERT INTO billing_contract (contract_id, customer_name, state, credit_limit, balance_due, language, changed_at)
SELECT 'NL-UMS-B' || LPAD(n::text, 7, '0'), 'Customer ' || n,
       CASE WHEN n % 10 = 0 THEN 'BLOCKED' ELSE 'ACTIVE' END,
       CASE WHEN n % 20 = 5 THEN 100 END, CASE WHEN n % 20 = 5 THEN 150 ELSE 0 END,
       'nl', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
FROM generate_series(0, 999999) AS n;

INSERT INTO billing_card (uid, contract_id, card_type, visual_number, changed_at, published_at)
SELECT 'B' || LPAD(n::text, 7, '0'), 'NL-UMS-B' || LPAD(n::text, 7, '0'), 'RFID', 'UMS-' || n,
       TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
FROM generate_series(0, 999999) AS n;

INSERT INTO ocpi_object (module, country_code, party_id, object_id, object_type, last_updated, body)
SELECT 'tokens', 'NL', 'UMS', 'B' || LPAD(n::text, 7, '0'), 'RFID', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00',
       '{"country_code":"NL","party_id":"UMS","uid":"B' || LPAD(n::text, 7, '0') || '","type":"RFID","contract_id":"NL-UMS-B'
           || LPAD(n::text, 7, '0') || '","issuer":"Utility Mobility Service","valid":' || (n % 10 <> 0)::text
           || ',"whitelist":"ALLOWED","language":"nl","last_updated":"2025-01-01T00:00:00Z"}'
FROM generate_series(0, 999999) AS n;

ANALYZE billing_contract;
ANALYZE billing_card;
ANALYZE ocpi_object;
