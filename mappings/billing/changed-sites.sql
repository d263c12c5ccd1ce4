-- Sites whose site row, charge points or connectors changed since the adapter last published them as Locations,
-- oldest change first. changed_at is the latest of those changes: the adapter marks the site with it once the
-- Location is published. The latest change of each site's charge points and connectors is found first, in narrow
-- rows, and only then set beside the site's own row: one pass over the three tables (hash joins) with nothing
-- spilled to disk.
-- A change that failed to publish 5 times waits for the site's next change; last_attempt marks its fifth try.
SELECT site.*, (site.failed_change_at = site.changed_at AND site.publish_failures >= 4) AS last_attempt
FROM (
    SELECT s.site_id, s.name, s.street, s.postal_code, s.city, s.country, s.latitude, s.longitude, s.time_zone,
           s.parking_type, s.public_site, s.open_24_7, s.published_at, s.failed_change_at, s.publish_failures,
           GREATEST(s.changed_at, COALESCE(points.changed_at, s.changed_at), COALESCE(points.connector_changed_at, s.changed_at))
               AS changed_at
    FROM asset_site s
    LEFT JOIN (
        SELECT p.site_id, MAX(p.changed_at) AS changed_at, MAX(k.changed_at) AS connector_changed_at
        FROM asset_charge_point p
        LEFT JOIN asset_connector k ON k.evse_uid = p.evse_uid
        GROUP BY p.site_id
    ) points ON points.site_id = s.site_id
) site
WHERE (site.published_at IS NULL OR site.published_at < site.changed_at)
  AND (site.failed_change_at IS NULL OR site.failed_change_at <> site.changed_at OR site.publish_failures < 5)
ORDER BY site.changed_at
