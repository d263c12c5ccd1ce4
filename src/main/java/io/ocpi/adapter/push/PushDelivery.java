package io.ocpi.adapter.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.modules.versions.InterfaceRole;
import io.ocpi.adapter.modules.versions.Version;
import io.ocpi.adapter.protocol.client.OcpiClient;
import io.ocpi.adapter.protocol.client.PeerCallException;
import io.ocpi.adapter.protocol.client.PeerCalls;
import io.ocpi.adapter.protocol.client.PeerCredential;
import io.ocpi.adapter.registry.ConnectionStatus;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import jakarta.annotation.PreDestroy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: pushes to peers, and events to our routes (see {@link #deliverEvent}). A peer's answer decides what becomes of an item:
 * <ul>
 *   <li>success (OCPI 1xxx): done, removed;</li>
 *   <li>no answer, a timeout, HTTP 5xx or 429, OCPI 3xxx: tried again later, waiting twice as long each time (with
 *       jitter), until {@code ocpi.push.max-attempts} or {@code max-age}; then a dead letter;</li>
 *   <li>OCPI 2xxx or another HTTP 4xx: the peer refuses it, so a retry would not help: a dead letter at once, with the
 *       peer's answer, to be replayed once the cause is fixed. A refused PATCH is first followed by a PUT of the
 *       whole current object.</li>
 * </ul>
 * A peer that does not answer {@code offline-after} times in a row is marked OFFLINE; its items wait, untouched, until
 * its versions endpoint answers again.
 */
@Component
public class PushDelivery {

    /** On an event: the outbox item's id, the same on every attempt, for sinks that must not write twice. */
    public static final String DELIVERY_ID = "OcpiDeliveryId";

    private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);

    private final Outbox outbox;
    private final PeerRepository peers;
    private final PeerCalls calls;
    private final OcpiClient client;
    private final CurrentObjects currentObjects;
    private final PushMetrics metrics;
    private final OcpiProperties.Push settings;
    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final Map<Long, Integer> failuresInARow = new ConcurrentHashMap<>();
    private final ExecutorService delivering;

    public PushDelivery(Outbox outbox, PeerRepository peers, PeerCalls calls, OcpiClient client, CurrentObjects currentObjects,
                        PushMetrics metrics, OcpiProperties properties, CamelContext camel, ObjectMapper json) {
        this.producer = camel.createProducerTemplate();
        this.json = json;
        this.currentObjects = currentObjects;
        this.metrics = metrics;
        this.outbox = outbox;
        this.peers = peers;
        this.calls = calls;
        this.client = client;
        this.settings = properties.push();
        this.delivering = Executors.newFixedThreadPool(settings.parallelism(), new CustomizableThreadFactory("ocpi-push-"));
    }

    /** Delivers batch after batch while they come back full, so that a backlog drains without waiting for the timer. */
    public void drain() {
        while (deliverDue() >= settings.batchSize()) {
            LOG.debug("outbox batch delivered, more are due");
        }
    }

    /**
     * Delivers what is due now, {@code ocpi.push.parallelism} items at once; returns how many items were tried. A
     * claimed batch holds only the oldest due item of each object for each destination (see {@link Outbox#claim}),
     * so delivering its items side by side keeps every object's changes in order.
     */
    public int deliverDue() {
        List<OutboxItem> items = outbox.claim(settings.batchSize(), settings.lease());
        if (items.size() <= 1) {
            items.forEach(this::deliver);
            return items.size();
        }
        List<Callable<Void>> deliveries = items.stream().<Callable<Void>>map(item -> () -> {
            deliver(item);
            return null;
        }).toList();
        try {
            for (Future<Void> delivery : delivering.invokeAll(deliveries)) {
                try {
                    delivery.get();
                } catch (ExecutionException e) {
                    // An item whose delivery failed unexpectedly keeps its lease; it is tried again when that ends.
                    LOG.error("outbox delivery failed", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return items.size();
    }

    @PreDestroy
    void stopDelivering() {
        delivering.shutdown();
    }

    private void deliver(OutboxItem item) {
        if (item.route() != null) {
            deliverEvent(item);
            return;
        }
        Peer peer = peers.find(item.peerId()).orElse(null);
        if (peer == null || !peer.isRegistered() || peer.outgoingToken() == null) {
            dead(item, "peer is no longer registered");
            return;
        }
        String endpoint = peer.endpoint(item.module(), InterfaceRole.RECEIVER).orElse(null);
        if (endpoint == null) {
            dead(item, "peer no longer serves a " + item.module() + " receiver");
            return;
        }
        String url = item.path().isEmpty() ? endpoint : PeerCalls.join(endpoint, item.path());
        try {
            calls.send(peer, item.method(), url, item.body() == null ? null : new RawBody(item.body()), item.from(), item.to(), null);
            delivered(item);
            failuresInARow.remove(peer.id());
        } catch (PeerCallException e) {
            if ("PATCH".equals(item.method()) && refusedByPeer(e)) {
                putInstead(item, peer, url, e);
            } else {
                failed(item, peer, e);
            }
        }
    }

    /**
     * A refused PATCH: the peer may lack the object or hold another version of it. As transport_and_format advises,
     * the whole current object is PUT at the same URL instead.
     */
    private void putInstead(OutboxItem item, Peer peer, String url, PeerCallException refusal) {
        String current = currentObjects.at(item.module(), item.path()).orElse(null);
        if (current == null) {
            dead(item, "PATCH refused and the object is gone: " + refusal.getMessage());
            return;
        }
        LOG.info("PATCH {} refused by peer {} ({}); putting the whole object instead", item.id(), peer.name(), refusal.getMessage());
        try {
            calls.send(peer, "PUT", url, new RawBody(current), item.from(), item.to(), null);
            delivered(item);
        } catch (PeerCallException e) {
            failed(item, peer, e);
        }
    }

    private void failed(OutboxItem item, Peer peer, PeerCallException e) {
        if (refusedByPeer(e)) {
            LOG.warn("push {} to peer {} refused, kept as dead letter: {}", item.id(), peer.name(), e.getMessage());
            dead(item, e.getMessage());
            return;
        }
        if (e.httpStatus() == 0 && failuresInARow.merge(peer.id(), 1, Integer::sum) >= settings.offlineAfter()
                && peer.connectionStatus() != ConnectionStatus.OFFLINE) {
            LOG.warn("peer {} did not answer {} times in a row: marked OFFLINE until it answers again", peer.name(), settings.offlineAfter());
            peers.setStatus(peer.id(), peer.status(), ConnectionStatus.OFFLINE);
        }
        boolean tooOld = item.createdAt().plus(settings.maxAge()).isBefore(Instant.now());
        if (item.attempts() >= settings.maxAttempts() || tooOld) {
            LOG.warn("push {} to peer {} given up after {} attempts: {}", item.id(), peer.name(), item.attempts(), e.getMessage());
            dead(item, "gave up after " + item.attempts() + " attempts: " + e.getMessage());
            return;
        }
        outbox.retryAt(item.id(), Instant.now().plus(backoff(item.attempts())), e.getMessage());
        metrics.retried();
    }

    /**
     * Hands an event to the route that listens to it. Whatever fails there (a backend down, a route stopped, a
     * mapping error) is tried again with the same backoff as a push, and kept as a dead letter at the limits.
     */
    private void deliverEvent(OutboxItem item) {
        Exchange result = producer.send(item.route(), exchange -> {
            exchange.getIn().setHeaders(eventHeaders(item));
            exchange.getIn().setHeader(DELIVERY_ID, item.id());
            exchange.getIn().setBody(item.body());
        });
        Exception failure = result.getException();
        if (failure == null) {
            delivered(item);
            return;
        }
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        boolean tooOld = item.createdAt().plus(settings.maxAge()).isBefore(Instant.now());
        if (item.attempts() >= settings.maxAttempts() || tooOld) {
            LOG.warn("event {} for {} given up after {} attempts: {}", item.id(), item.route(), item.attempts(), reason);
            dead(item, "gave up after " + item.attempts() + " attempts: " + reason);
            return;
        }
        LOG.warn("event {} for {} failed (attempt {}), tried again later: {}", item.id(), item.route(), item.attempts(), reason);
        outbox.retryAt(item.id(), Instant.now().plus(backoff(item.attempts())), reason);
        metrics.retried();
    }

    private Map<String, Object> eventHeaders(OutboxItem item) {
        try {
            return item.headers() == null ? new HashMap<>() : json.readValue(item.headers(), new TypeReference<HashMap<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("outbox item " + item.id() + " has unreadable headers", e);
        }
    }

    private void delivered(OutboxItem item) {
        outbox.delivered(item.id());
        metrics.delivered();
    }

    private void dead(OutboxItem item, String reason) {
        outbox.dead(item.id(), reason);
        metrics.dead();
    }

    /** OCPI 2xxx, or an HTTP client error other than 429 (too many requests): sending again will not help. */
    static boolean refusedByPeer(PeerCallException e) {
        if (e.ocpiStatus() != null && e.ocpiStatus() >= 2000 && e.ocpiStatus() < 3000) {
            return true;
        }
        return e.httpStatus() >= 400 && e.httpStatus() < 500 && e.httpStatus() != 429 && (e.ocpiStatus() == null || e.ocpiStatus() < 3000);
    }

    /** Exponential with full jitter on the upper half: attempt n waits between half and all of initial * 2^(n-1). */
    Duration backoff(int attempts) {
        long ceiling = settings.initialBackoff().toMillis() << Math.min(30, Math.max(0, attempts - 1));
        long capped = Math.min(ceiling, settings.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** Calls the versions endpoint of every OFFLINE peer; one that answers is CONNECTED again and its items flow. */
    public void checkOfflinePeers() {
        for (Peer peer : peers.findAll()) {
            if (peer.connectionStatus() != ConnectionStatus.OFFLINE || !peer.isRegistered() || peer.versionsUrl() == null) {
                continue;
            }
            try {
                client.getList(peer.versionsUrl(), PeerCredential.of(peer), Version.class);
                peers.setStatus(peer.id(), peer.status(), ConnectionStatus.CONNECTED);
                failuresInARow.remove(peer.id());
                LOG.info("peer {} answers again: CONNECTED, its pushes resume", peer.name());
            } catch (PeerCallException stillDown) {
                LOG.debug("peer {} still OFFLINE: {}", peer.name(), stillDown.getMessage());
            }
        }
    }

    /** A body already serialised, sent as it is. */
    record RawBody(@com.fasterxml.jackson.annotation.JsonValue @com.fasterxml.jackson.annotation.JsonRawValue String json) {
    }
}
