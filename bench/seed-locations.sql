-- bench/versus's quick data: the 10,000 Locations that the billing route publishes from bench/seed-sites.sql, stored
-- directly (the same text, one minute apart in last_updated from 2025-01-01).
INSERT INTO ocpi_object (module, country_code, party_id, object_id, object_type, last_updated, body)
SELECT 'locations', 'NL', 'UCP', 'SITE' || LPAD(n::text, 5, '0'), '', t,
       format('{"country_code":"NL","party_id":"UCP","id":"SITE%1$s","publish":true,"name":"Bench site %2$s","address":"Benchstraat %2$s","city":"Utrecht","postal_code":"3511 AA","country":"NLD","coordinates":{"latitude":"%3$s","longitude":"%4$s"},"parking_type":"ON_STREET","evses":['
           || '{"uid":"SITE%1$s-1","evse_id":"NL*UCP*E%1$s1","status":"UNKNOWN","capabilities":["RFID_READER","REMOTE_START_STOP_CAPABLE"],"connectors":[{"id":"1","standard":"IEC_62196_T2","format":"SOCKET","power_type":"AC_3_PHASE","max_voltage":230,"max_amperage":32,"max_electric_power":22000,"last_updated":"%5$s"}],"physical_reference":"1","last_updated":"%5$s"},'
           || '{"uid":"SITE%1$s-2","evse_id":"NL*UCP*E%1$s2","status":"UNKNOWN","capabilities":["RFID_READER","REMOTE_START_STOP_CAPABLE"],"connectors":[{"id":"1","standard":"IEC_62196_T2","format":"SOCKET","power_type":"AC_3_PHASE","max_voltage":230,"max_amperage":32,"max_electric_power":22000,"last_updated":"%5$s"}],"physical_reference":"2","last_updated":"%5$s"}],'
           || '"time_zone":"Europe/Amsterdam","opening_times":{"twentyfourseven":true},"last_updated":"%5$s"}',
           LPAD(n::text, 5, '0'), n, TO_CHAR(52 + n / 100000.0, 'FM90.000000'), TO_CHAR(5 + n / 100000.0, 'FM990.000000'),
           TO_CHAR(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
FROM generate_series(0, 9999) AS n, LATERAL (SELECT TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + n * INTERVAL '1 minute' AS t) AS at;
