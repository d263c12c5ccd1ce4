package io.ocpi.adapter.push;

/**
 * A unit of work around the deliveries of several events to one route: what the route writes to the backends it
 * covers is committed once, at its end, rather than once per event (a commit waits for the database's disk). Declared
 * here, implemented where those backends are known (the bindings' billing database); without one, each route's writes
 * commit as it makes them.
 */
public interface EventBatchWork {

    /**
     * Runs {@code deliveries} in one unit of work and commits what they wrote. Throws when that cannot be committed; then
     * none of it is kept.
     */
    void inOne(Runnable deliveries);
}
