package io.ocpi.adapter.push;

import io.ocpi.adapter.config.OcpiProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * When an item that failed is tried again, and when it is given up on: the same for a push to a peer and an event for
 * one of our routes ({@code ocpi.push.initial-backoff}, {@code max-backoff}, {@code max-attempts}, {@code max-age}).
 */
@Component
public class RetryPolicy {

    private final OcpiProperties.Push settings;

    public RetryPolicy(OcpiProperties properties) {
        this.settings = properties.push();
    }

    /** At {@code max-attempts}, or older than {@code max-age}: a dead letter rather than another attempt. */
    boolean givesUp(OutboxItem item) {
        return item.attempts() >= settings.maxAttempts() || item.createdAt().plus(settings.maxAge()).isBefore(Instant.now());
    }

    /** When the next attempt is due, after the backoff. */
    Instant nextAttempt(OutboxItem item) {
        return Instant.now().plus(backoff(item.attempts()));
    }

    /** Exponential with full jitter on the upper half: attempt n waits between half and all of initial * 2^(n-1). */
    Duration backoff(int attempts) {
        long ceiling = settings.initialBackoff().toMillis() << Math.min(30, Math.max(0, attempts - 1));
        long capped = Math.min(ceiling, settings.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
