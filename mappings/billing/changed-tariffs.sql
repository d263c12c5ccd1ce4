-- Tariffs changed since the adapter last published them, oldest change first. The adapter marks each with the
-- changed_at it published. A change that failed to publish 5 times waits for the tariff's next change; last_attempt
-- marks its fifth try.
SELECT tariff_id, currency, tariff_type, description, description_language, valid_from, valid_until, changed_at,
       (failed_change_at = changed_at AND publish_failures >= 4) AS last_attempt
FROM billing_tariff
WHERE (published_at IS NULL OR published_at < changed_at)
  AND (failed_change_at IS NULL OR failed_change_at <> changed_at OR publish_failures < 5)
ORDER BY changed_at
