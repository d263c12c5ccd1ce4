package io.ocpi.adapter.push;

import io.ocpi.adapter.ocpi.Party;
import java.time.Instant;

/**
 * One call to a peer, or one event for a route of ours, waiting in the outbox.
 *
 * @param peerId    the peer it goes to; null for an event
 * @param route     the endpoint of the route an event goes to, e.g. {@code direct://ocpi.cdrs.received.billing}; null
 *                  for a push
 * @param objectKey items with the same key for the same peer or route go out one at a time, oldest first
 * @param path      what follows the peer's module endpoint, e.g. {@code NL/ADC/LOC1}
 * @param headers   an event's headers, as a JSON object
 */
public record OutboxItem(long id, Long peerId, String route, String headers, String module, String objectKey, String method, String path, String body,
                         Party from, Party to, Status status, int attempts, Instant nextAttemptAt, String lastError,
                         Instant createdAt) {

    public enum Status {
        /** Waiting to be delivered (or retried). */
        PENDING,
        /** Given up on: the peer refused it, or it kept failing too long. Kept with the reason until replayed. */
        DEAD
    }
}
