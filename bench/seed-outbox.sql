-- Scenario 4's data: 100,000 EVSE status changes queued for the bench peer (:peer_id), 100 for each of 1,000 EVSEs
-- (10 per location), each change one minute after the previous one, as PATCHes of our locations would be queued.
INSERT INTO ocpi_outbox (peer_id, module, object_key, method, path, body, from_country_code, from_party_id,
                         to_country_code, to_party_id, status, attempts, next_attempt_at, created_at)
SELECT :peer_id, 'locations', 'locations/NL*UCP/SITE' || LPAD((e / 10)::text, 5, '0'), 'PATCH',
       'NL/UCP/SITE' || LPAD((e / 10)::text, 5, '0') || '/PUSH-' || e,
       '{"status":"' || (ARRAY['AVAILABLE','CHARGING','BLOCKED','OUTOFORDER'])[1 + c % 4] || '","last_updated":"'
           || TO_CHAR(TIMESTAMP '2026-01-01 00:00:00' + c * INTERVAL '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '"}',
       'NL', 'UCP', 'NL', 'BMS', 'PENDING', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM generate_series(0, 99) AS c, generate_series(0, 999) AS e
ORDER BY c, e;
