package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An address that keeps presenting wrong credentials is refused for a while, on OCPI paths and the admin API alike,
 * right credentials or not; afterwards the right ones work again. Here three failures within 10 s block for 2 s.
 */
class AuthLockoutTest {

    static AdapterInstance adapter;
    static String token;

    @BeforeAll
    static void start() {
        adapter = AdapterInstance.start("lockout", "NL", "LO", Map.of("ocpi.auth.lockout.max-failures", 3,
                "ocpi.auth.lockout.window", "10s", "ocpi.auth.lockout.block", "2s"));
        token = adapter.invite("peer");
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @BeforeEach
    void notBlocked() throws InterruptedException {
        // Each test starts from an address that is not blocked: a block from the one before runs out first.
        Reply probe = adapter.ocpi("GET", "/ocpi/versions", token, null);
        if (probe.status() == 429) {
            Thread.sleep(Long.parseLong(probe.header("Retry-After")) * 1000);
        }
        adapter.ocpi("GET", "/ocpi/versions", token, null).assertStatus(200);
    }

    @Test
    void wrongTokensBlockTheAddressUntilTheBlockEnds() throws InterruptedException {
        double before = counter("ocpi") + counter("admin");
        for (int i = 0; i < 2; i++) {
            assertThat(adapter.ocpi("GET", "/ocpi/versions", "guess-" + i, null).status()).isEqualTo(401);
        }
        // Wrong Basic credentials on an OCPI path: refused by the admin guard before the route reads them, counted once.
        Map<String, String> basic = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:guess".getBytes(StandardCharsets.UTF_8)));
        assertThat(AdapterInstance.send("GET", adapter.baseUrl() + "/ocpi/versions", basic, null).status()).isEqualTo(401);
        Reply blocked = adapter.ocpi("GET", "/ocpi/versions", token, null);
        assertThat(blocked.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(blocked.ocpiStatus()).isEqualTo(2000);
        assertThat(blocked.json().get("status_message").asText()).startsWith("too many failed authentications");
        assertThat(blocked.header("X-Request-ID")).isNotBlank();
        // The right admin credentials are refused too, while probes and the scrape stay open.
        assertThat(adapter.admin("GET", "/peers", null).status()).isEqualTo(429);
        AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/health/readiness", Map.of(), null).assertStatus(200);
        assertThat(counter("ocpi") + counter("admin")).isEqualTo(before + 3);

        Thread.sleep(retryAfter * 1000);
        adapter.ocpi("GET", "/ocpi/versions", token, null).assertStatus(200);
        adapter.admin("GET", "/peers", null).assertStatus(200);
    }

    @Test
    void wrongAdminCredentialsBlockTheAddressToo() throws InterruptedException {
        double before = counter("admin");
        Map<String, String> wrong = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:guess".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 3; i++) {
            assertThat(AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/peers", wrong, null).status()).isEqualTo(401);
        }
        Reply blocked = adapter.admin("GET", "/peers", null);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotBlank();
        assertThat(adapter.ocpi("GET", "/ocpi/versions", token, null).status()).isEqualTo(429);
        assertThat(counter("admin")).isEqualTo(before + 3);

        Thread.sleep(Long.parseLong(blocked.header("Retry-After")) * 1000);
        adapter.admin("GET", "/peers", null).assertStatus(200);
    }

    @Test
    void aRequestWithoutCredentialsOrAKnownTokenOutOfItsScopeIsNoGuess() {
        for (int i = 0; i < 5; i++) {
            assertThat(adapter.ocpi("GET", "/ocpi/versions", null, null).status()).isEqualTo(401);
            assertThat(AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/peers", Map.of(), null).status()).isEqualTo(401);
            // Token A before registration: known, but not for a module.
            assertThat(adapter.ocpi("GET", "/ocpi/cpo/2.2.1/locations", token, null).status()).isEqualTo(401);
        }
        adapter.ocpi("GET", "/ocpi/versions", token, null).assertStatus(200);
        adapter.admin("GET", "/peers", null).assertStatus(200);
    }

    /** As in production, the admin API on a port of its own: guarded the same way, by the same count. */
    @Test
    void theManagementPortIsGuardedToo() {
        try (AdapterInstance separate = AdapterInstance.start("lockout-management", "NL", "LM", Map.of("management.server.port", 0,
                "management.server.address", "127.0.0.1", "ocpi.auth.lockout.max-failures", 2))) {
            String admin = "http://localhost:" + separate.context().getEnvironment().getProperty("local.management.port") + "/actuator";
            Map<String, String> wrong = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:guess".getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < 2; i++) {
                assertThat(AdapterInstance.send("GET", admin + "/peers", wrong, null).status()).isEqualTo(401);
            }
            Reply blocked = AdapterInstance.send("GET", admin + "/peers", AdapterInstance.ADMIN_HEADERS, null);
            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.header("Retry-After")).isEqualTo("300");
            assertThat(separate.ocpi("GET", "/ocpi/versions", "any-token", null).status()).isEqualTo(429);
            AdapterInstance.send("GET", admin + "/health", Map.of(), null).assertStatus(200);
        }
    }

    private static double counter(String api) {
        String scrape = AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/prometheus", Map.of(), null).assertStatus(200).body();
        Matcher value = Pattern.compile("ocpi_auth_failures_total\\{api=\"" + api + "\"[^}]*} (\\S+)").matcher(scrape);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
