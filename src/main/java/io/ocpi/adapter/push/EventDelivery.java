package io.ocpi.adapter.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Hands an event to the route that listens to it. Whatever fails there (a backend down, a route stopped, a mapping
 * error) is tried again with the same backoff as a push, and kept as a dead letter at the limits ({@link RetryPolicy});
 * a failure that no retry mends ({@link #refusedForGood}) is a dead letter at once. Each attempt is logged in one line
 * (the stack trace at DEBUG), and by the outbox alone (see {@link EventDeliveryLogging}).
 */
@Component
public class EventDelivery {

    /** On an event: the outbox item's id, the same on every attempt, for sinks that must not write twice. */
    public static final String DELIVERY_ID = "OcpiDeliveryId";

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);

    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final DeliveryOutcomes outcomes;

    public EventDelivery(CamelContext camel, ObjectMapper json, DeliveryOutcomes outcomes) {
        this.producer = camel.createProducerTemplate();
        this.json = json;
        this.outcomes = outcomes;
    }

    void deliver(OutboxItem item) {
        Exchange result = EventDeliveryLogging.delivering(() -> producer.send(item.route(), exchange -> {
            exchange.getIn().setHeaders(eventHeaders(item));
            exchange.getIn().setHeader(DELIVERY_ID, item.id());
            exchange.getIn().setBody(item.body());
        }));
        Exception failure = result.getException();
        if (failure == null) {
            outcomes.delivered(item);
            return;
        }
        LOG.debug("event {} for {} failed", item.id(), item.route(), failure);
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (refusedForGood(failure)) {
            LOG.warn("event {} for {} refused by its backend, kept as dead letter: {}", item.id(), item.route(), reason);
            outcomes.dead(item, reason);
            return;
        }
        if (outcomes.retryLater(item, "event " + item.id() + " for " + item.route(), reason)) {
            LOG.warn("event {} for {} failed (attempt {}), tried again later: {}", item.id(), item.route(), item.attempts(), reason);
        }
    }

    private Map<String, Object> eventHeaders(OutboxItem item) {
        try {
            return item.headers() == null ? new HashMap<>() : json.readValue(item.headers(), new TypeReference<HashMap<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("outbox item " + item.id() + " has unreadable headers", e);
        }
    }

    /**
     * A route's failure that sending the event again will not mend: its backend refuses the data itself, as a value
     * its format cannot hold ({@link RefusedForGood}), or a value or key its database refuses (too long, out of range,
     * breaking a constraint).
     */
    private static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedForGood || cause instanceof DataIntegrityViolationException) {
                return true;
            }
        }
        return false;
    }
}
