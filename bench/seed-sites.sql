-- Scenario 1's data: 10,000 charging sites in the asset register, each with two charge points of one connector, one
-- minute apart in changed_at from 2025-01-01. The adapter's billing-sites-to-locations route publishes them.
INSERT INTO asset_site (site_id, name, street, postal_code, city, country, latitude, longitude, time_zone, parking_type,
                        public_site, open_24_7, changed_at)
SELECT 'SITE' || LPAD(n::text, 5, '0'), 'Bench site ' || n, 'Benchstraat ' || n, '3511 AA', 'Utrecht', 'NLD',
       TO_CHAR(52 + n / 100000.0, 'FM90.000000'), TO_CHAR(5 + n / 100000.0, 'FM990.000000'), 'Europe/Amsterdam',
       'ON_STREET', TRUE, TRUE, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + n * INTERVAL '1 minute'
FROM generate_series(0, 9999) AS n;

INSERT INTO asset_charge_point (evse_uid, site_id, evse_id, asset_state, capabilities, physical_reference, changed_at)
SELECT 'SITE' || LPAD(n::text, 5, '0') || '-' || e, 'SITE' || LPAD(n::text, 5, '0'),
       'NL*UCP*E' || LPAD(n::text, 5, '0') || e, 'IN_SERVICE', 'RFID_READER,REMOTE_START_STOP_CAPABLE', e::text,
       TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + n * INTERVAL '1 minute'
FROM generate_series(0, 9999) AS n, generate_series(1, 2) AS e;

INSERT INTO asset_connector (evse_uid, connector_id, standard, cable, power_type, max_voltage, max_amperage, max_power_w,
                             changed_at)
SELECT evse_uid, '1', 'IEC_62196_T2', FALSE, 'AC_3_PHASE', 230, 32, 22000, changed_at
FROM asset_charge_point WHERE evse_uid LIKE 'SITE%';
