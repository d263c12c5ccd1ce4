-- Tariffs changed since the adapter last published them, oldest change first. The adapter marks each with the
-- changed_at it published.
SELECT tariff_id, currency, tariff_type, description, description_language, valid_from, valid_until, changed_at
FROM billing_tariff
WHERE published_at IS NULL OR published_at < changed_at
ORDER BY changed_at
