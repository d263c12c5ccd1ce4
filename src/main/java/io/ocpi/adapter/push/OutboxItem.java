package io.ocpi.adapter.push;

import io.ocpi.adapter.modules.common.Party;
import java.time.Instant;

/**
 * One call to a peer waiting in the outbox.
 *
 * @param objectKey items with the same key for the same peer go out one at a time, oldest first
 * @param path      what follows the peer's module endpoint, e.g. {@code NL/ADC/LOC1}
 */
public record OutboxItem(long id, long peerId, String module, String objectKey, String method, String path, String body,
                         Party from, Party to, Status status, int attempts, Instant nextAttemptAt, String lastError,
                         Instant createdAt) {

    public enum Status {
        /** Waiting to be delivered (or retried). */
        PENDING,
        /** Given up on: the peer refused it, or it kept failing too long. Kept with the reason until replayed. */
        DEAD
    }
}
