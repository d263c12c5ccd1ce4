-- Demo customers for the embedded run: a valid contract, a blocked one, an expired one, one over its credit limit.
-- Inserted once; edit the rows (and their changed_at) to see the adapter publish the change.

INSERT INTO billing_contract (contract_id, customer_name, state, valid_until, credit_limit, balance_due, language, changed_at)
SELECT 'NL-UMS-C00000001-1', 'A. de Vries', 'ACTIVE', NULL, 500.00, 12.40, 'nl', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM billing_contract WHERE contract_id = 'NL-UMS-C00000001-1');
INSERT INTO billing_contract (contract_id, customer_name, state, valid_until, credit_limit, balance_due, language, changed_at)
SELECT 'NL-UMS-C00000002-2', 'B. Jansen', 'BLOCKED', NULL, NULL, 0, 'nl', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM billing_contract WHERE contract_id = 'NL-UMS-C00000002-2');
INSERT INTO billing_contract (contract_id, customer_name, state, valid_until, credit_limit, balance_due, language, changed_at)
SELECT 'NL-UMS-C00000003-3', 'C. Bakker', 'ACTIVE', DATE '2024-12-31', NULL, 0, 'en', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM billing_contract WHERE contract_id = 'NL-UMS-C00000003-3');
INSERT INTO billing_contract (contract_id, customer_name, state, valid_until, credit_limit, balance_due, language, changed_at)
SELECT 'NL-UMS-C00000004-4', 'D. Visser', 'ACTIVE', NULL, 100.00, 140.00, 'de', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM billing_contract WHERE contract_id = 'NL-UMS-C00000004-4');

INSERT INTO billing_card (uid, contract_id, card_type, visual_number, changed_at)
SELECT '04A1B2C3D4E5F6', 'NL-UMS-C00000001-1', 'RFID', 'UMS-0001', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM billing_card WHERE uid = '04A1B2C3D4E5F6');
INSERT INTO billing_card (uid, contract_id, card_type, visual_number, changed_at)
SELECT 'APP-7F3A9C', 'NL-UMS-C00000001-1', 'APP_USER', NULL, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM billing_card WHERE uid = 'APP-7F3A9C');
INSERT INTO billing_card (uid, contract_id, card_type, visual_number, changed_at)
SELECT '04B2C3D4E5F6A7', 'NL-UMS-C00000002-2', 'RFID', 'UMS-0002', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM billing_card WHERE uid = '04B2C3D4E5F6A7');
INSERT INTO billing_card (uid, contract_id, card_type, visual_number, changed_at)
SELECT '04C3D4E5F6A7B8', 'NL-UMS-C00000003-3', 'RFID', 'UMS-0003', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM billing_card WHERE uid = '04C3D4E5F6A7B8');
INSERT INTO billing_card (uid, contract_id, card_type, visual_number, changed_at)
SELECT '04D4E5F6A7B8C9', 'NL-UMS-C00000004-4', 'RFID', 'UMS-0004', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM billing_card WHERE uid = '04D4E5F6A7B8C9');
