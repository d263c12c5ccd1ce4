package io.ocpi.adapter.protocol;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ocpi.adapter.config.OcpiProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Failed authentications per remote address, and the addresses blocked for having too many
 * ({@code ocpi.auth.lockout}). Kept in memory, per instance: behind a load balancer each instance blocks on its own
 * share of the failures, which slows a guesser down as much as it needs.
 */
@Component
public class AuthLockout {

    private static final Logger LOG = LoggerFactory.getLogger(AuthLockout.class);

    /** Failures of one address since {@code windowStart}; once blocked, refused until {@code blockedUntil}. */
    private record Failures(Instant windowStart, int count, Instant blockedUntil) {
    }

    private final OcpiProperties.Lockout settings;
    private final Clock clock;
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Counter ocpiFailures;
    private final Counter adminFailures;
    private final Counter refused;
    private final Counter abandonedBodies;

    public AuthLockout(OcpiProperties properties, MeterRegistry meters) {
        this.settings = properties.auth().lockout();
        this.clock = Clock.systemUTC();
        this.ocpiFailures = failures(meters, "ocpi");
        this.adminFailures = failures(meters, "admin");
        this.refused = Counter.builder("ocpi.auth.blocked").description("Requests refused because their address is blocked")
                .register(meters);
        this.abandonedBodies = Counter.builder("ocpi.auth.abandoned.bodies")
                .description("Requests without credentials closed before their body arrived").register(meters);
    }

    private static Counter failures(MeterRegistry meters, String api) {
        return Counter.builder("ocpi.auth.failures").description("Requests with wrong credentials").tag("api", api).register(meters);
    }

    /** How long the address is still blocked; zero when it is not. */
    public Duration blocked(String address) {
        if (!settings.enabled() || address == null) {
            return Duration.ZERO;
        }
        Failures failures = addresses.get(address);
        Instant now = clock.instant();
        if (failures == null || failures.blockedUntil() == null || !failures.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        refused.increment();
        return Duration.between(now, failures.blockedUntil());
    }

    /** Counts a failed authentication; the one that reaches {@code max-failures} starts the block. */
    public void failed(String address, boolean admin) {
        (admin ? adminFailures : ocpiFailures).increment();
        count(address);
    }

    /**
     * Counts, as a failed authentication, a request without credentials whose connection was closed before its body
     * arrived: a client sending bodies slowly to hold the server's threads.
     */
    public void abandonedBody(String address) {
        abandonedBodies.increment();
        count(address);
    }

    private void count(String address) {
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        if (!addresses.containsKey(address) && addresses.size() >= settings.maxAddresses()) {
            forgetExpired(now);
            if (addresses.size() >= settings.maxAddresses()) {
                // Full of live entries: a flood from many addresses. The new one goes untracked rather than grow the map.
                return;
            }
        }
        Failures after = addresses.compute(address, (key, before) -> {
            if (before == null || expired(before, now)) {
                return new Failures(now, 1, null);
            }
            if (before.blockedUntil() != null) {
                return before;
            }
            return new Failures(before.windowStart(), before.count() + 1, null);
        });
        if (after.blockedUntil() == null && after.count() >= settings.maxFailures() && settings.enabled()) {
            Failures blocked = new Failures(after.windowStart(), after.count(), now.plus(settings.block()));
            addresses.put(address, blocked);
            LOG.warn("{} failed authentications from {} within {}: refused for {}", after.count(), address, settings.window(), settings.block());
        }
    }

    /** A block runs its time whatever the address does; failures count within the window from the first. */
    private boolean expired(Failures failures, Instant now) {
        return failures.blockedUntil() != null ? !failures.blockedUntil().isAfter(now)
                : !failures.windowStart().plus(settings.window()).isAfter(now);
    }

    private void forgetExpired(Instant now) {
        addresses.entrySet().removeIf(entry -> expired(entry.getValue(), now));
    }
}
