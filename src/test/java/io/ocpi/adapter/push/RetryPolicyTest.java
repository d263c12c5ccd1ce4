package io.ocpi.adapter.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.config.OcpiProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backoff and the give-up rule that pushes and events share. */
class RetryPolicyTest {

    private static final Duration INITIAL = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(10);
    private static final int MAX_ATTEMPTS = 25;
    private static final Duration MAX_AGE = Duration.ofDays(3);

    private final RetryPolicy policy = new RetryPolicy(new OcpiProperties(null, List.of(), null, null, null, null, null, null, null,
            new OcpiProperties.Push(Duration.ofMillis(500), 50, 8, 6, Duration.ofSeconds(60), INITIAL, MAX, MAX_ATTEMPTS, MAX_AGE, 5,
                    Duration.ofSeconds(60)),
            null, null, null));

    @Test
    void eachAttemptWaitsBetweenHalfAndAllOfTwiceTheOneBefore() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(policy.backoff(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(policy.backoff(40)).as("capped at max-backoff").isBetween(MAX.dividedBy(2), MAX);
        }
    }

    @Test
    void givesUpAtMaxAttemptsOrMaxAge() {
        Instant now = Instant.now();
        assertThat(policy.givesUp(item(MAX_ATTEMPTS - 1, now.minus(Duration.ofDays(2))))).isFalse();
        assertThat(policy.givesUp(item(MAX_ATTEMPTS, now))).isTrue();
        assertThat(policy.givesUp(item(1, now.minus(MAX_AGE).minusSeconds(1)))).isTrue();
    }

    @Test
    void theNextAttemptIsDueAfterTheBackoff() {
        Instant before = Instant.now();
        Instant next = policy.nextAttempt(item(2, before));
        assertThat(next).isBetween(before.plus(Duration.ofSeconds(2)), Instant.now().plus(Duration.ofSeconds(4)));
    }

    private static OutboxItem item(int attempts, Instant createdAt) {
        return new OutboxItem(1, 7L, null, null, "locations", "locations/NL*ADC/LOC1", "PATCH", "NL/ADC/LOC1", "{}", null, null,
                OutboxItem.Status.PENDING, attempts, createdAt, null, createdAt);
    }
}
