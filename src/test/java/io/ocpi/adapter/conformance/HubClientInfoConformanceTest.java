package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.PeerPlatform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hub client info (rows 36 to 38): a hub reports the parties behind it; we list the parties registered with us. */
class HubClientInfoConformanceTest {

    static PeerPlatform platform;
    static FakePeer hub;
    static String hubToken;

    @BeforeAll
    static void start() {
        platform = PeerPlatform.start("hubclientinfo");
        hub = new FakePeer().offering221("credentials", "hubclientinfo");
        Reply registered = platform.adapter.ocpi("POST", "/ocpi/2.2.1/credentials", platform.adapter.invite("hub"), Map.of(
                "token", "hub-token", "url", hub.url("/versions"), "roles", List.of(Map.of("role", "HUB", "country_code", "EU",
                        "party_id", "HUB", "business_details", Map.of("name", "Roaming Hub")))));
        hubToken = registered.assertStatus(200).data().get("token").asText();
    }

    @AfterAll
    static void stop() {
        platform.close();
        hub.close();
    }

    static Map<String, Object> info(String status) {
        return Map.of("party_id", "ABC", "country_code", "FR", "role", "CPO", "status", status, "last_updated", "2024-01-01T00:00:00Z");
    }

    @Test
    void aHubReportsItsClients() {
        String path = "/ocpi/2.2.1/hubclientinfo/FR/ABC";
        platform.adapter.ocpi("PUT", path, hubToken, info("CONNECTED")).assertStatus(201);
        platform.adapter.ocpi("PUT", path, hubToken, info("SUSPENDED")).assertStatus(200);
        Reply read = platform.adapter.ocpi("GET", path, hubToken, null).assertStatus(200);
        assertThat(read.data().get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(read.header("OCPI-from-party-id")).isNull();

        assertThat(platform.adapter.ocpi("GET", "/ocpi/2.2.1/hubclientinfo/FR/XYZ", hubToken, null).status()).isEqualTo(404);
        assertThat(platform.adapter.ocpi("PUT", path, hubToken, info("ASLEEP")).ocpiStatus()).isEqualTo(2001);
        assertThat(platform.adapter.ocpi("PUT", "/ocpi/2.2.1/hubclientinfo/DE/ABC", hubToken, info("CONNECTED")).ocpiStatus()).isEqualTo(2001);
        assertThat(platform.call("PUT", path, info("CONNECTED")).status()).isEqualTo(403);
    }

    @Test
    void weListThePartiesRegisteredWithUs() {
        Reply list = platform.call("GET", "/ocpi/2.2.1/hubclientinfo?limit=100", null).assertStatus(200);
        assertThat(list.data()).extracting(i -> i.get("country_code").asText() + "*" + i.get("party_id").asText() + "/" + i.get("status").asText())
                .contains("NL*PCP/CONNECTED", "EU*HUB/CONNECTED");
        assertThat(list.header("X-Total-Count")).isEqualTo(String.valueOf(PeerPlatform.PARTIES.size() + 1));
        assertThat(AdapterInstance.send("GET", platform.adapter.baseUrl() + "/ocpi/2.2.1/hubclientinfo", Map.of(), null).status()).isEqualTo(401);
    }
}
