package io.ocpi.adapter.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the outbox is doing, for metrics (at /actuator/metrics, and Prometheus where enabled): items waiting and dead,
 * the age of the oldest waiting item, and the outcome of every attempt; the same per destination (a peer by its name,
 * or one of our routes), renewed every {@link #PER_DESTINATION_EVERY}. Every instance on the database reports the same
 * outbox: take the maximum over instances, not the sum.
 */
@Component
public class PushMetrics {

    static final String PER_DESTINATION_EVERY = "15s";
    private static final Logger LOG = LoggerFactory.getLogger(PushMetrics.class);

    private final Counter delivered;
    private final Counter retried;
    private final Counter dead;
    private final Outbox outbox;
    private final PeerRepository peers;
    private final MultiGauge destinationBacklog;
    private final MultiGauge destinationOldestAge;

    public PushMetrics(MeterRegistry registry, Outbox outbox, PeerRepository peers) {
        this.outbox = outbox;
        this.peers = peers;
        destinationBacklog = MultiGauge.builder("ocpi.push.destination.backlog")
                .description("pushes waiting (pending) or given up on (dead), per destination").register(registry);
        destinationOldestAge = MultiGauge.builder("ocpi.push.destination.oldest.age")
                .description("age of the oldest waiting push, per destination").baseUnit("seconds").register(registry);
        Gauge.builder("ocpi.push.backlog", () -> count(outbox, OutboxItem.Status.PENDING))
                .description("pushes waiting to be delivered").tag("status", "pending").register(registry);
        Gauge.builder("ocpi.push.backlog", () -> count(outbox, OutboxItem.Status.DEAD))
                .description("pushes given up on, waiting to be replayed").tag("status", "dead").register(registry);
        Gauge.builder("ocpi.push.oldest.age", () -> oldestSeconds(outbox))
                .description("age of the oldest waiting push").baseUnit("seconds").register(registry);
        delivered = Counter.builder("ocpi.push.attempts").tag("outcome", "delivered").register(registry);
        retried = Counter.builder("ocpi.push.attempts").tag("outcome", "retried").register(registry);
        dead = Counter.builder("ocpi.push.attempts").tag("outcome", "dead").register(registry);
    }

    /**
     * The backlog per destination and status, and the age of each destination's oldest waiting push. While the
     * database cannot be read, the figures stay as they were (readiness says why).
     */
    @Scheduled(fixedDelayString = PER_DESTINATION_EVERY, initialDelayString = "1s")
    void renewPerDestination() {
        Map<Long, String> names;
        List<Outbox.Backlog> backlogs;
        try {
            names = peers.findAll().stream().collect(Collectors.toMap(Peer::id, Peer::name));
            backlogs = outbox.backlog();
        } catch (DataAccessException e) {
            LOG.debug("outbox metrics per destination not renewed: {}", e.getMessage());
            return;
        }
        Map<Tags, Long> items = new HashMap<>();
        Map<String, Instant> oldest = new HashMap<>();
        for (Outbox.Backlog backlog : backlogs) {
            String destination = backlog.peerId() == null ? backlog.route() : names.getOrDefault(backlog.peerId(), "peer " + backlog.peerId());
            items.merge(Tags.of("destination", destination, "status", backlog.status().name().toLowerCase(Locale.ROOT)), backlog.items(), Long::sum);
            if (backlog.status() == OutboxItem.Status.PENDING) {
                oldest.merge(destination, backlog.oldest(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Instant now = Instant.now();
        destinationBacklog.register(items.entrySet().stream().map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList(), true);
        destinationOldestAge.register(oldest.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("destination", e.getKey()), Duration.between(e.getValue(), now).toSeconds()))
                .toList(), true);
    }

    void delivered() {
        delivered.increment();
    }

    void retried() {
        retried.increment();
    }

    void dead() {
        dead.increment();
    }

    private static double count(Outbox outbox, OutboxItem.Status status) {
        return outbox.backlog().stream().filter(b -> b.status() == status).mapToLong(Outbox.Backlog::items).sum();
    }

    private static double oldestSeconds(Outbox outbox) {
        return outbox.backlog().stream()
                .filter(b -> b.status() == OutboxItem.Status.PENDING)
                .map(Outbox.Backlog::oldest)
                .min(Instant::compareTo)
                .map(oldest -> (double) Duration.between(oldest, Instant.now()).toSeconds())
                .orElse(0.0);
    }
}
