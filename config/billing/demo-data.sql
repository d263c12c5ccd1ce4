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

-- A demo tariff (day and night energy prices, parking fee by day) and a charging site using it: a public car park
-- with an AC charge point (two sockets) and a DC fast charger.
INSERT INTO billing_tariff (tariff_id, currency, description, description_language, changed_at)
SELECT 'AC-STANDARD', 'EUR', '0.39/kWh 07:00-23:00, 0.29/kWh at night; parking 1.00/h in daytime', 'en', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM billing_tariff WHERE tariff_id = 'AC-STANDARD');
INSERT INTO billing_tariff_element (tariff_id, element_no, start_time, end_time)
SELECT 'AC-STANDARD', 1, '07:00', '23:00'
WHERE NOT EXISTS (SELECT 1 FROM billing_tariff_element WHERE tariff_id = 'AC-STANDARD' AND element_no = 1);
INSERT INTO billing_tariff_element (tariff_id, element_no)
SELECT 'AC-STANDARD', 2
WHERE NOT EXISTS (SELECT 1 FROM billing_tariff_element WHERE tariff_id = 'AC-STANDARD' AND element_no = 2);
INSERT INTO billing_tariff_price (tariff_id, element_no, dimension, price, vat_percent, step_size)
SELECT 'AC-STANDARD', 1, 'ENERGY', 0.39, 21, 1
WHERE NOT EXISTS (SELECT 1 FROM billing_tariff_price WHERE tariff_id = 'AC-STANDARD' AND element_no = 1 AND dimension = 'ENERGY');
INSERT INTO billing_tariff_price (tariff_id, element_no, dimension, price, vat_percent, step_size)
SELECT 'AC-STANDARD', 1, 'PARKING_TIME', 1.00, 21, 60
WHERE NOT EXISTS (SELECT 1 FROM billing_tariff_price WHERE tariff_id = 'AC-STANDARD' AND element_no = 1 AND dimension = 'PARKING_TIME');
INSERT INTO billing_tariff_price (tariff_id, element_no, dimension, price, vat_percent, step_size)
SELECT 'AC-STANDARD', 2, 'ENERGY', 0.29, 21, 1
WHERE NOT EXISTS (SELECT 1 FROM billing_tariff_price WHERE tariff_id = 'AC-STANDARD' AND element_no = 2 AND dimension = 'ENERGY');

INSERT INTO asset_site (site_id, name, street, postal_code, city, country, latitude, longitude, time_zone, parking_type, public_site, open_24_7, changed_at)
SELECT 'UTR-STATION-P1', 'P+R Station Utrecht', 'Jaarbeursplein 1', '3521 AL', 'Utrecht', 'NLD', '52.089400', '5.107700', 'Europe/Amsterdam', 'PARKING_GARAGE', TRUE, TRUE, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM asset_site WHERE site_id = 'UTR-STATION-P1');
INSERT INTO asset_charge_point (evse_uid, site_id, evse_id, asset_state, capabilities, floor_level, physical_reference, changed_at)
SELECT 'CP-1001', 'UTR-STATION-P1', 'NL*UCP*E1001', 'IN_SERVICE', 'RFID_READER,REMOTE_START_STOP_CAPABLE', '-1', '1001', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM asset_charge_point WHERE evse_uid = 'CP-1001');
INSERT INTO asset_charge_point (evse_uid, site_id, evse_id, asset_state, capabilities, floor_level, physical_reference, changed_at)
SELECT 'CP-1002', 'UTR-STATION-P1', 'NL*UCP*E1002', 'IN_SERVICE', 'RFID_READER,CREDIT_CARD_PAYABLE', '-1', '1002', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM asset_charge_point WHERE evse_uid = 'CP-1002');
INSERT INTO asset_connector (evse_uid, connector_id, standard, cable, power_type, max_voltage, max_amperage, max_power_w, tariff_id, changed_at)
SELECT 'CP-1001', '1', 'IEC_62196_T2', FALSE, 'AC_3_PHASE', 230, 32, 22000, 'AC-STANDARD', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM asset_connector WHERE evse_uid = 'CP-1001' AND connector_id = '1');
INSERT INTO asset_connector (evse_uid, connector_id, standard, cable, power_type, max_voltage, max_amperage, max_power_w, tariff_id, changed_at)
SELECT 'CP-1001', '2', 'IEC_62196_T2', FALSE, 'AC_3_PHASE', 230, 32, 22000, 'AC-STANDARD', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM asset_connector WHERE evse_uid = 'CP-1001' AND connector_id = '2');
INSERT INTO asset_connector (evse_uid, connector_id, standard, cable, power_type, max_voltage, max_amperage, max_power_w, tariff_id, changed_at)
SELECT 'CP-1002', '1', 'IEC_62196_T2_COMBO', TRUE, 'DC', 920, 200, 150000, NULL, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
WHERE NOT EXISTS (SELECT 1 FROM asset_connector WHERE evse_uid = 'CP-1002' AND connector_id = '1');
