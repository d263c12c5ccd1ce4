package io.ocpi.adapter.bindings;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.remote.RemoteFilePollingConsumerPollStrategy;
import org.apache.camel.support.ScheduledPollConsumer;
import org.springframework.boot.actuate.health.Health;

/**
 * The poll strategy of routes that poll a remote folder ({@code pollStrategy: "#watchedPolls"}): Camel's own for
 * remote files (after a failed poll it reconnects), noting when each consumer last polled. A poller can stop for good
 * while its route still says Started: an Error in a poll (an OutOfMemoryError) ends Camel's poll task. {@link #health}
 * then tells, for the readiness check {@code pollers}.
 */
public class WatchedPolls extends RemoteFilePollingConsumerPollStrategy {

    // How many poll intervals, and how much more, a poller may be silent before it counts as stopped.
    private static final int INTERVALS_ALLOWED = 5;
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Map<ScheduledPollConsumer, Long> lastSeen = new ConcurrentHashMap<>();

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        seen(consumer);
        return super.begin(consumer, endpoint);
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledExchanges) {
        seen(consumer);
        super.commit(consumer, endpoint, polledExchanges);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
        seen(consumer);
        return super.rollback(consumer, endpoint, retryCounter, cause);
    }

    private void seen(Consumer consumer) {
        if (consumer instanceof ScheduledPollConsumer poller) {
            lastSeen.put(poller, System.nanoTime());
        }
    }

    /**
     * DOWN when a poller running on this instance has neither polled nor been in a poll for {@value INTERVALS_ALLOWED}
     * of its intervals and {@link #GRACE} more. Pollers stopped (their route stopped, or another instance leads) are
     * not counted.
     */
    public Health health() {
        lastSeen.keySet().removeIf(poller -> !poller.isRunAllowed());
        Health.Builder health = Health.up();
        long now = System.nanoTime();
        lastSeen.forEach((poller, seen) -> {
            Duration silent = Duration.ofNanos(now - seen);
            Duration allowed = Duration.ofMillis(poller.getTimeUnit().toMillis(poller.getDelay()) * INTERVALS_ALLOWED).plus(GRACE);
            boolean stopped = !poller.isPolling() && !poller.isSuspended() && silent.compareTo(allowed) > 0;
            health.withDetail(poller.getEndpoint().getEndpointBaseUri(),
                    stopped ? "stopped polling " + silent.toSeconds() + " s ago: restart the instance" : "polling");
            if (stopped) {
                health.down();
            }
        });
        return health.build();
    }
}
