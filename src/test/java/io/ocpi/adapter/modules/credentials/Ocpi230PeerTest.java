package io.ocpi.adapter.modules.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A peer of OCPI 2.3.0, scripted in raw JSON from credentials.asciidoc: a hub names its own party in
 * {@code hub_party_id} (2.3.0 has no HUB role) and lists the parties behind it as roles, which may include roles of
 * modules this adapter does not have.
 */
class Ocpi230PeerTest {

    static AdapterInstance adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterInstance.start("ocpi230", "NL", "VT");
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void aHubOf230RegistersWithItsHubPartyIdAndRolesWeDoNotKnowAreReadPast() {
        String tokenA = adapter.invite("hub-230");
        try (FakePeer hub = new FakePeer()) {
            hub.on("/versions", Answer.ocpi("[{\"version\":\"2.3.0\",\"url\":\"" + hub.url("/2.3.0") + "\"}]"));
            hub.on("/2.3.0", Answer.ocpi("{\"version\":\"2.3.0\",\"endpoints\":["
                    + "{\"identifier\":\"credentials\",\"role\":\"SENDER\",\"url\":\"" + hub.url("/2.3.0/credentials") + "\"}]}"));
            String body = "{\"token\":\"token-b-hub\",\"url\":\"" + hub.url("/versions") + "\",\"hub_party_id\":\"DEHUB\",\"roles\":["
                    + "{\"role\":\"EMSP\",\"party_id\":\"EMA\",\"country_code\":\"DE\",\"business_details\":{\"name\":\"eMSP behind the hub\"}},"
                    + "{\"role\":\"PTP\",\"party_id\":\"PAY\",\"country_code\":\"DE\",\"business_details\":{\"name\":\"Payment terminal provider\"}},"
                    + "{\"role\":\"FUTURE\",\"party_id\":\"FUT\",\"country_code\":\"DE\",\"business_details\":{\"name\":\"A role of a later version\"}}]}";
            Reply registered = adapter.ocpi("POST", "/ocpi/2.3.0/credentials", tokenA, body).assertStatus(200);
            assertThat(registered.ocpiStatus()).isEqualTo(1000);
            assertThat(registered.data().has("hub_party_id")).isFalse();
            assertThat(registered.data().get("roles")).hasSize(2);

            JsonNode view = adapter.admin("GET", "/peers", null).json().get(0);
            assertThat(view.get("version").asText()).isEqualTo("2.3.0");
            assertThat(view.get("roles").toString())
                    .contains("\"role\":\"HUB\",\"business_details\":{\"name\":\"DEHUB\"},\"party_id\":\"HUB\",\"country_code\":\"DE\"")
                    .contains("\"party_id\":\"EMA\"")
                    .contains("\"role\":\"PTP\"").contains("\"party_id\":\"PAY\"")
                    .doesNotContain("FUT");
        }

        Reply malformed = adapter.ocpi("POST", "/ocpi/2.3.0/credentials", adapter.invite("bad-hub"), Map.of("token", "t",
                "url", "http://localhost:9/versions", "hub_party_id", "DE-HUB-1",
                "roles", List.of(Map.of("role", "EMSP", "party_id", "EMA", "country_code", "DE", "business_details", Map.of("name", "x")))));
        assertThat(malformed.ocpiStatus()).isEqualTo(2001);
        assertThat(malformed.json().get("status_message").asText()).contains("hub_party_id");
    }
}
