-- Cards whose card or contract changed since the adapter last published them as Tokens, oldest change first.
-- changed_at is the later of the two changes: the adapter marks the card with it once the Token is published.
-- Each branch of the IN list is found by an index, so that a poll costs little however many contracts there are:
-- cards never published, and cards or contracts changed in the last 7 days after their card was published. A change
-- that waited longer (the adapter stopped for more than a week) is picked up by clearing published_at of the cards.
-- A change that failed to publish 5 times waits for the card's next change; last_attempt marks its fifth try.
SELECT card.*, (card.failed_change_at = card.changed_at AND card.publish_failures >= 4) AS last_attempt
FROM (
    SELECT k.uid, k.card_type, k.visual_number, c.contract_id, c.state, c.valid_until, c.language,
           CASE WHEN c.changed_at > k.changed_at THEN c.changed_at ELSE k.changed_at END AS changed_at,
           k.failed_change_at, k.publish_failures
    FROM billing_card k
    JOIN billing_contract c ON c.contract_id = k.contract_id
    WHERE k.uid IN (
        SELECT uid FROM billing_card WHERE published_at IS NULL
        UNION
        SELECT uid FROM billing_card
        WHERE changed_at > CURRENT_TIMESTAMP - INTERVAL '7' DAY AND published_at < changed_at
        UNION
        SELECT changed_card.uid FROM billing_contract changed_contract
        JOIN billing_card changed_card ON changed_card.contract_id = changed_contract.contract_id
        WHERE changed_contract.changed_at > CURRENT_TIMESTAMP - INTERVAL '7' DAY AND changed_card.published_at < changed_contract.changed_at)
) card
WHERE card.failed_change_at IS NULL OR card.failed_change_at <> card.changed_at OR card.publish_failures < 5
ORDER BY card.changed_at
