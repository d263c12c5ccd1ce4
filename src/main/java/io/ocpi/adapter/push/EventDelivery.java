package io.ocpi.adapter.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Hands events to the routes that listen to them. Whatever fails there (a backend down, a route stopped, a mapping
 * error) is tried again with the same backoff as a push, and kept as a dead letter at the limits ({@link RetryPolicy});
 * a failure that no retry mends ({@link #refusedForGood}) is a dead letter at once. Each attempt is logged in one line
 * (the stack trace at DEBUG), and by the outbox alone (see {@link EventDeliveryLogging}).
 *
 * <p>Several events for one route are handed over in one unit of work ({@link EventBatchWork}), one after another on
 * one thread, so that what the route writes to its database commits once for all of them. An event counts as
 * delivered only once that commit is made. An event that fails ends the unit: what the events before it wrote is
 * committed, and they are delivered; should that commit fail (its database error broke the transaction), none of it
 * is kept and they are handed over again, in a unit without it. The failed event is tried again later like any other,
 * and its object's next events, claimed with it, wait for it: they are given back.
 */
@Component
public class EventDelivery {

    /** On an event: the outbox item's id, the same on every attempt, for sinks that must not write twice. */
    public static final String DELIVERY_ID = "OcpiDeliveryId";

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);

    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final DeliveryOutcomes outcomes;
    private final EventBatchWork work;

    public EventDelivery(CamelContext camel, ObjectMapper json, DeliveryOutcomes outcomes, ObjectProvider<EventBatchWork> work) {
        this.producer = camel.createProducerTemplate();
        this.json = json;
        this.outcomes = outcomes;
        this.work = work.getIfAvailable(() -> Runnable::run);
    }

    /**
     * Delivers events of one route, in order: an object's events come one after another, and an event that is not
     * delivered holds back the object's events after it.
     *
     * @return the events held back, not tried: for the caller to give back to the outbox
     */
    List<OutboxItem> deliver(List<OutboxItem> items) {
        List<OutboxItem> heldBack = new ArrayList<>();
        Set<String> waiting = new HashSet<>();
        Deque<OutboxItem> rest = new ArrayDeque<>(items);
        while (!rest.isEmpty()) {
            List<OutboxItem> sent = new ArrayList<>();
            List<Failure> failed = new ArrayList<>(1);
            RuntimeException uncommitted = null;
            try {
                work.inOne(() -> {
                    while (!rest.isEmpty() && failed.isEmpty()) {
                        OutboxItem item = rest.poll();
                        if (waiting.contains(item.objectKey())) {
                            heldBack.add(item);
                            continue;
                        }
                        Exception failure = send(item);
                        if (failure == null) {
                            sent.add(item);
                        } else {
                            failed.add(new Failure(item, failure));
                        }
                    }
                });
            } catch (RuntimeException e) {
                uncommitted = e;
            }
            if (uncommitted == null) {
                sent.forEach(outcomes::delivered);
            } else if (!failed.isEmpty()) {
                LOG.debug("events for {} handed over again without event {}: {}", items.get(0).route(), failed.get(0).item().id(), uncommitted.getMessage());
                for (int i = sent.size() - 1; i >= 0; i--) {
                    rest.addFirst(sent.get(i));
                }
            } else {
                // Nothing they wrote is kept: each is tried again later (and those never handed over, when the unit
                // could not even begin).
                List<OutboxItem> lost = new ArrayList<>(sent);
                lost.addAll(rest);
                rest.clear();
                for (OutboxItem item : lost) {
                    if (waiting.contains(item.objectKey())) {
                        heldBack.add(item);
                    } else if (!failed(item, uncommitted).letsNextGo()) {
                        waiting.add(item.objectKey());
                    }
                }
            }
            for (Failure failure : failed) {
                if (!failed(failure.item(), failure.exception()).letsNextGo()) {
                    waiting.add(failure.item().objectKey());
                }
            }
        }
        return heldBack;
    }

    /** Hands one event to its route; answers what it failed with, or null. */
    private Exception send(OutboxItem item) {
        Exchange result = EventDeliveryLogging.delivering(() -> producer.send(item.route(), exchange -> {
            exchange.getIn().setHeaders(eventHeaders(item));
            exchange.getIn().setHeader(DELIVERY_ID, item.id());
            exchange.getIn().setBody(item.body());
        }));
        return result.getException();
    }

    private Outcome failed(OutboxItem item, Exception failure) {
        LOG.debug("event {} for {} failed", item.id(), item.route(), failure);
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (refusedForGood(failure)) {
            LOG.warn("event {} for {} refused by its backend, kept as dead letter: {}", item.id(), item.route(), reason);
            outcomes.dead(item, reason);
            return Outcome.DEAD;
        }
        if (outcomes.retryLater(item, "event " + item.id() + " for " + item.route(), reason)) {
            LOG.warn("event {} for {} failed (attempt {}), tried again later: {}", item.id(), item.route(), item.attempts(), reason);
            return Outcome.LATER;
        }
        return Outcome.DEAD;
    }

    private record Failure(OutboxItem item, Exception exception) {
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
