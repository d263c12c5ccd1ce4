-- The prices of one tariff (:#tariff_id, from a row of changed-tariffs.sql) with their element's restrictions, one
-- row per price, in element order.
SELECT e.element_no, e.start_time, e.end_time, e.days_of_week, e.min_power_kw, e.max_power_kw, e.max_duration_s,
       p.dimension, p.price, p.vat_percent, p.step_size
FROM billing_tariff_element e
JOIN billing_tariff_price p ON p.tariff_id = e.tariff_id AND p.element_no = e.element_no
WHERE e.tariff_id = :#tariff_id
ORDER BY e.element_no, p.dimension
