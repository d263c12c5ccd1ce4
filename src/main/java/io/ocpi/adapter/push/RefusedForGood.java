package io.ocpi.adapter.push;

/**
 * A failure of a route that no retry mends: the backend refuses the event's data itself (a value its file format
 * cannot hold). The outbox keeps such an event as a dead letter at once, to be replayed once the cause is fixed.
 */
public interface RefusedForGood {
}
