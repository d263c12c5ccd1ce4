package io.ocpi.adapter.store;

import io.ocpi.adapter.protocol.RoutingHeaders;
import java.time.Instant;

/**
 * A command or charging-profile request, answered at once and concluded later by a result at a response URL.
 *
 * @param direction RECEIVED when a peer asked us (its result goes to {@code responseUrl}), SENT when we asked a peer
 *                  (its result comes to our URL, which carries {@code id})
 * @param routing   from the party that asked to the party asked; the result goes the other way
 */
public record AsyncRequest(String id, String module, Direction direction, String operation, long peerId, String request,
                           String responseUrl, String response, String result, Status status, Instant deadline,
                           RoutingHeaders routing) {

    public enum Direction { RECEIVED, SENT }

    public enum Status {
        /** Waiting for the result. */
        PENDING,
        /** The result is in (and, for a received request, delivered). */
        CONCLUDED,
        /** Refused at once: no result will follow. */
        REFUSED,
        /** No result came in time. */
        TIMED_OUT
    }
}
