-- Sites whose site row, charge points or connectors changed since the adapter last published them as Locations,
-- oldest change first. changed_at is the latest of those changes: the adapter marks the site with it once the
-- Location is published.
SELECT * FROM (
    SELECT s.site_id, s.name, s.street, s.postal_code, s.city, s.country, s.latitude, s.longitude, s.time_zone,
           s.parking_type, s.public_site, s.open_24_7, s.published_at,
           GREATEST(s.changed_at,
                    COALESCE((SELECT MAX(p.changed_at) FROM asset_charge_point p WHERE p.site_id = s.site_id), s.changed_at),
                    COALESCE((SELECT MAX(k.changed_at) FROM asset_connector k
                              JOIN asset_charge_point p ON p.evse_uid = k.evse_uid WHERE p.site_id = s.site_id), s.changed_at))
               AS changed_at
    FROM asset_site s
) site
WHERE published_at IS NULL OR published_at < changed_at
ORDER BY changed_at
