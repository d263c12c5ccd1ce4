-- Cards whose card or contract changed since the adapter last published them as Tokens, oldest change first.
-- changed_at is the later of the two changes: the adapter marks the card with it once the Token is published.
SELECT k.uid, k.card_type, k.visual_number, c.contract_id, c.state, c.valid_until, c.language,
       CASE WHEN c.changed_at > k.changed_at THEN c.changed_at ELSE k.changed_at END AS changed_at
FROM billing_card k
JOIN billing_contract c ON c.contract_id = k.contract_id
WHERE k.published_at IS NULL OR k.published_at < k.changed_at OR k.published_at < c.changed_at
ORDER BY changed_at
