package io.ocpi.adapter.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What operators and their tools see: probes, the Prometheus scrape, and an admin API closed to others. */
class OperationsTest {

    static AdapterInstance adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterInstance.start("operations", "NL", "OP");
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void probesAreOpenAndReadinessIncludesTheDatabaseAndCamel() {
        Reply readiness = AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/health/readiness", Map.of(), null).assertStatus(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        Reply detailed = adapter.admin("GET", "/health/readiness", null).assertStatus(200);
        assertThat(detailed.json().get("components").has("db")).isTrue();
        assertThat(detailed.json().get("components").has("camelHealth")).isTrue();
        AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/health/liveness", Map.of(), null).assertStatus(200);
    }

    @Test
    void ocpiRequestsAreCountedByModuleAndOutcome() {
        adapter.ocpi("GET", "/ocpi/versions", "not-a-token", null).assertStatus(401);
        adapter.ocpi("GET", "/ocpi/versions", adapter.invite("scraped"), null).assertStatus(200);
        String scrape = AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/prometheus", Map.of(), null).assertStatus(200).body();
        assertThat(scrape).containsPattern("ocpi_requests_seconds_count\\{[^}]*http_status=\"401\"[^}]*module=\"versions\"[^}]*ocpi_status=\"2000\"");
        assertThat(scrape).containsPattern("ocpi_requests_seconds_count\\{[^}]*http_status=\"200\"[^}]*module=\"versions\"");
        assertThat(scrape).contains("ocpi_push_backlog");
    }

    @Test
    void theAdminApiNeedsTheAdminCredentials() {
        assertThat(AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/peers", Map.of(), null).status()).isEqualTo(401);
        assertThat(AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/peers", Map.of("Authorization", "Basic YWRtaW46d3Jvbmc="), null)
                .status()).isEqualTo(401);
        assertThat(AdapterInstance.send("POST", adapter.baseUrl() + "/actuator/invitations", Map.of(), Map.of("name", "x")).status()).isEqualTo(401);
        adapter.admin("GET", "/peers", null).assertStatus(200);
    }
}
