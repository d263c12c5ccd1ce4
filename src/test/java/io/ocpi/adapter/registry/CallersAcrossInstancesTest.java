package io.ocpi.adapter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two adapter instances on one database: a token revoked, replaced or expired through one of them is refused by the
 * other at once, also when the other has just served it.
 */
class CallersAcrossInstancesTest {

    /** How long the other instance may take: the database's notification, not a cache's lifetime. */
    private static final Duration AT_ONCE = Duration.ofSeconds(2);
    private static final String LIST = "/ocpi/cpo/2.2.1/locations";

    private PeerPlatform platform;
    private AdapterInstance other;

    @BeforeEach
    void twoInstances() {
        System.out.println("CallersAcrossInstancesTest on " + TestDatabase.kind());
        platform = PeerPlatform.start("callers-a", Map.of("ocpi.auth.invitation-validity", "3s"));
        other = AdapterInstance.start("callers-b", "NL", "AD", new HashMap<>(platform.adapter.settings()));
    }

    @AfterEach
    void stop() {
        other.close();
        platform.close();
    }

    @Test
    void aTokenReplacedThroughOneInstanceIsRefusedByTheOther() {
        servedByBoth(platform.token);

        String replaced = platform.adapter.ocpi("PUT", "/ocpi/2.2.1/credentials", platform.token,
                PeerPlatform.credentials("peer-token-b2", platform.peer.url("/versions"))).assertStatus(200).data().get("token").asText();

        refusedBy(other, platform.token);
        other.ocpi("GET", LIST, replaced, null).assertStatus(200);
    }

    @Test
    void anUnregisteredPeerIsRefusedByTheOtherInstance() {
        servedByBoth(platform.token);

        platform.adapter.ocpi("DELETE", "/ocpi/2.2.1/credentials", platform.token, null).assertStatus(200);

        refusedBy(other, platform.token);
    }

    @Test
    void aPeerTheOperatorEndsIsRefusedByTheOtherInstance() {
        servedByBoth(platform.token);

        platform.adapter.admin("DELETE", "/peers/" + idOf("peer"), null).assertStatus(200);

        refusedBy(other, platform.token);
    }

    @Test
    void aWithdrawnInvitationIsRefusedByTheOtherInstance() {
        String tokenA = platform.adapter.invite("invited");
        servedByBoth(tokenA, "/ocpi/versions");

        platform.adapter.admin("DELETE", "/peers/" + idOf("invited"), null).assertStatus(200);

        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(20))
                .until(() -> other.ocpi("GET", "/ocpi/versions", tokenA, null).status() == 401);
    }

    @Test
    void anExpiredInvitationIsRefusedWhenItExpires() {
        String tokenA = platform.adapter.invite("expiring");
        servedByBoth(tokenA, "/ocpi/versions");

        await().atMost(Duration.ofSeconds(3).plus(AT_ONCE)).pollInterval(Duration.ofMillis(20))
                .until(() -> other.ocpi("GET", "/ocpi/versions", tokenA, null).status() == 401);
    }

    private long idOf(String name) {
        for (var peer : platform.adapter.admin("GET", "/peers", null).json()) {
            if (peer.get("name").asText().equals(name)) {
                return peer.get("id").asLong();
            }
        }
        throw new AssertionError("no peer " + name);
    }

    /**
     * The token works on both instances, and the other one answers it from memory on PostgreSQL (where it hears every
     * change), from the database on H2.
     */
    private void servedByBoth(String token) {
        servedByBoth(token, LIST);
    }

    private void servedByBoth(String token, String path) {
        platform.adapter.ocpi("GET", path, token, null).assertStatus(200);
        other.ocpi("GET", path, token, null).assertStatus(200);
        if (TestDatabase.isPostgres()) {
            // The other instance keeps callers once its listening connection is open, a moment after its start.
            await().atMost(AT_ONCE).until(() -> {
                double before = fromMemory(other);
                other.ocpi("GET", path, token, null).assertStatus(200);
                return fromMemory(other) > before;
            });
        } else {
            other.ocpi("GET", path, token, null).assertStatus(200);
            assertThat(fromMemory(other)).as("caller found in memory").isZero();
        }
    }

    private static double fromMemory(AdapterInstance instance) {
        return instance.bean(MeterRegistry.class).counter("ocpi.caller.lookups", "source", "memory").count();
    }

    private static void refusedBy(AdapterInstance instance, String token) {
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(20))
                .until(() -> instance.ocpi("GET", LIST, token, null).status() == 401);
    }
}
