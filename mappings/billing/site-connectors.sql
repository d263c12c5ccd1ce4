-- The connectors of one site (:#site_id, from a row of changed-sites.sql) with their charge point, one row per
-- connector. A charge point without connectors is not an EVSE yet and is left out.
SELECT p.evse_uid, p.evse_id, p.asset_state, p.capabilities, p.floor_level, p.physical_reference,
       k.connector_id, k.standard, k.cable, k.power_type, k.max_voltage, k.max_amperage, k.max_power_w, k.tariff_id
FROM asset_charge_point p
JOIN asset_connector k ON k.evse_uid = p.evse_uid
WHERE p.site_id = :#site_id
ORDER BY p.evse_uid, k.connector_id
