package io.ocpi.adapter.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What the outbox is doing, for metrics (at /actuator/metrics, and Prometheus where enabled): items waiting and dead,
 * the age of the oldest waiting item, and the outcome of every attempt. Per peer, see the admin API /actuator/outbox.
 */
@Component
public class PushMetrics {

    private final Counter delivered;
    private final Counter retried;
    private final Counter dead;

    public PushMetrics(MeterRegistry registry, Outbox outbox) {
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
