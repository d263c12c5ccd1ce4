package io.ocpi.adapter.push;

import io.ocpi.adapter.config.OcpiProperties;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an attempt leaves in the outbox, each outcome counted in {@link PushMetrics}: an item delivered (removed), one
 * tried again after the backoff, or a dead letter.
 *
 * <p>Delivered items leave the outbox several at a time (see {@link #removeDelivered}), one statement and one commit
 * for several rather than for each. An item delivered but not yet removed when the instance dies is sent again once
 * its lease ends, as one whose removal failed always was; the next change of its object waits for the removal, so a
 * peer still gets each object's changes in order.
 */
@Component
public class DeliveryOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final Outbox outbox;
    private final PushMetrics metrics;
    private final RetryPolicy retries;
    private final int batchSize;
    /** Ids of delivered items still in the outbox. Guarded by itself. */
    private final List<Long> deliveredIds = new ArrayList<>();

    public DeliveryOutcomes(Outbox outbox, PushMetrics metrics, RetryPolicy retries, OcpiProperties properties) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.retries = retries;
        this.batchSize = properties.push().batchSize();
    }

    void delivered(OutboxItem item) {
        metrics.delivered();
        boolean enough;
        synchronized (deliveredIds) {
            deliveredIds.add(item.id());
            enough = deliveredIds.size() >= batchSize;
        }
        if (enough) {
            removeDelivered();
        }
    }

    /**
     * Removes the delivered items from the outbox, in one statement: when as many have gathered as a claim takes
     * objects ({@code ocpi.push.batch-size}), before each claim, and when the last delivery under way ends. Ids that could not be removed (the
     * database away) are kept for the next time.
     */
    void removeDelivered() {
        List<Long> ids;
        synchronized (deliveredIds) {
            if (deliveredIds.isEmpty()) {
                return;
            }
            ids = List.copyOf(deliveredIds);
            deliveredIds.clear();
        }
        try {
            outbox.delivered(ids);
        } catch (RuntimeException e) {
            synchronized (deliveredIds) {
                deliveredIds.addAll(ids);
            }
            LOG.warn("{} delivered outbox items not removed yet, tried again with the next: {}", ids.size(), e.getMessage());
        }
    }

    /**
     * Tried again after the backoff, or a dead letter when the {@link RetryPolicy} gives up on it.
     *
     * @param what the item as the log names it: "push 7 to peer X", "event 7 for direct:..."
     * @return whether it is tried again
     */
    boolean retryLater(OutboxItem item, String what, String reason) {
        if (retries.givesUp(item)) {
            LOG.warn("{} given up after {} attempts: {}", what, item.attempts(), reason);
            dead(item, "gave up after " + item.attempts() + " attempts: " + reason);
            return false;
        }
        outbox.retryAt(item.id(), retries.nextAttempt(item), reason);
        metrics.retried();
        return true;
    }

    void dead(OutboxItem item, String reason) {
        outbox.dead(item.id(), reason);
        metrics.dead();
    }
}
