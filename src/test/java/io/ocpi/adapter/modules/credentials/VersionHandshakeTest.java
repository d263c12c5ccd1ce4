package io.ocpi.adapter.modules.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handshake between two adapters over real HTTP in each version: west and east speak 2.1.1, 2.2.1 and 2.3.0,
 * south only 2.1.1 and 2.2.1 ({@code ocpi.versions.enabled}). Each registration shows its version in both
 * registries.
 */
class VersionHandshakeTest {

    static AdapterInstance west;
    static AdapterInstance east;
    static AdapterInstance south;

    @BeforeAll
    static void start() {
        west = AdapterInstance.start("hs-west", "NL", "HW");
        east = AdapterInstance.start("hs-east", "DE", "HE");
        south = AdapterInstance.start("hs-south", "BE", "HS", Map.of("ocpi.versions.enabled", "2.1.1,2.2.1"));
    }

    @AfterAll
    static void stop() {
        for (AdapterInstance adapter : new AdapterInstance[] {west, east, south}) {
            if (adapter != null) {
                adapter.close();
            }
        }
    }

    @Test
    void withoutAPinTheHighestVersionBothSpeakIsChosen() {
        String tokenA = west.invite("south");
        JsonNode westAtSouth = south.admin("POST", "/peers", Map.of("url", west.versionsUrl(), "token", tokenA, "name", "west"))
                .assertStatus(200).json();
        assertThat(westAtSouth.get("version").asText()).isEqualTo("2.2.1");
        assertThat(westAtSouth.get("endpoints").toString()).contains(west.baseUrl() + "/ocpi/2.2.1/credentials");
        assertThat(peerNamed(west, "south").get("version").asText()).isEqualTo("2.2.1");
        assertThat(peerNamed(west, "south").get("roles")).hasSize(2);

        south.admin("DELETE", "/peers/" + westAtSouth.get("id").asLong(), null).assertStatus(200);
        assertThat(peerNamed(west, "south").get("status").asText()).isEqualTo("UNREGISTERED");
    }

    @Test
    void aPinnedVersionIsSpokenAndIn211EachSideTradesAsOneRole() {
        // West plays CPO towards east, which plays eMSP towards west.
        String tokenA = west.admin("POST", "/invitations", Map.of("name", "east", "version", "2.1.1", "role", "CPO"))
                .assertStatus(200).json().get("token").asText();
        JsonNode westAtEast = east.admin("POST", "/peers", Map.of("url", west.versionsUrl(), "token", tokenA, "name", "west",
                "version", "2.1.1", "role", "EMSP")).assertStatus(200).json();
        assertThat(westAtEast.get("version").asText()).isEqualTo("2.1.1");
        assertThat(westAtEast.get("pinned_version").asText()).isEqualTo("2.1.1");
        assertThat(westAtEast.get("token_encoding").asText()).isEqualTo("PLAIN");
        assertThat(westAtEast.get("roles")).hasSize(1);
        assertThat(westAtEast.get("roles").get(0).get("role").asText()).isEqualTo("CPO");
        assertThat(westAtEast.get("roles").get(0).get("party_id").asText()).isEqualTo("HWC");
        assertThat(westAtEast.get("endpoints").toString())
                .contains("{\"identifier\":\"locations\",\"role\":\"SENDER\",\"url\":\"" + west.baseUrl() + "/ocpi/cpo/2.1.1/locations\"}")
                .doesNotContain("hubclientinfo");

        JsonNode eastAtWest = peerNamed(west, "east");
        assertThat(eastAtWest.get("token_encoding").asText()).isEqualTo("PLAIN");
        assertThat(eastAtWest.get("version").asText()).isEqualTo("2.1.1");
        assertThat(eastAtWest.get("roles")).hasSize(1);
        assertThat(eastAtWest.get("roles").get(0).get("role").asText()).isEqualTo("EMSP");
        assertThat(eastAtWest.get("roles").get(0).get("party_id").asText()).isEqualTo("HEE");
        assertThat(eastAtWest.get("endpoints").toString())
                .contains("{\"identifier\":\"locations\",\"role\":\"RECEIVER\",\"url\":\"" + east.baseUrl() + "/ocpi/emsp/2.1.1/locations\"}");

        east.admin("DELETE", "/peers/" + westAtEast.get("id").asLong(), null).assertStatus(200);
        assertThat(peerNamed(west, "east").get("status").asText()).isEqualTo("UNREGISTERED");
    }

    @Test
    void aPinnedVersionWinsOverTheHighest() {
        String tokenA = west.invite("east-221");
        JsonNode westAtEast = east.admin("POST", "/peers", Map.of("url", west.versionsUrl(), "token", tokenA, "name", "west-221",
                "version", "2.2.1")).assertStatus(200).json();
        assertThat(westAtEast.get("version").asText()).isEqualTo("2.2.1");
        assertThat(westAtEast.get("token_encoding").asText()).isEqualTo("BASE64");
        assertThat(westAtEast.get("roles")).hasSize(2);
        assertThat(peerNamed(west, "east-221").get("version").asText()).isEqualTo("2.2.1");
        east.admin("DELETE", "/peers/" + westAtEast.get("id").asLong(), null).assertStatus(200);
    }

    @Test
    void aPinnedVersionTheOtherSideDoesNotSpeakGets3002NamingBothSides() {
        String tokenA = south.invite("east-again");
        Reply refused = east.admin("POST", "/peers", Map.of("url", south.versionsUrl(), "token", tokenA, "name", "south", "version", "2.3.0"));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("error").asText()).contains("3002").contains("offers [2.2.1, 2.1.1]")
                .contains("is to speak 2.3.0 with it");

        // A peer calling the credentials URL of a version other than the one pinned for it is refused likewise.
        String pinned = west.admin("POST", "/invitations", Map.of("name", "pinned-221", "version", "2.2.1")).assertStatus(200)
                .json().get("token").asText();
        Reply elsewhere = west.ocpi("POST", "/ocpi/2.3.0/credentials", pinned, Map.of("token", "b", "url", east.versionsUrl(),
                "roles", List.of(Map.of("role", "EMSP", "party_id", "XYZ", "country_code", "DE", "business_details", Map.of("name", "x")))));
        assertThat(elsewhere.ocpiStatus()).isEqualTo(3002);
        assertThat(elsewhere.json().get("status_message").asText()).contains("2.2.1");
    }

    private static JsonNode peerNamed(AdapterInstance adapter, String name) {
        List<JsonNode> named = new ArrayList<>();
        adapter.admin("GET", "/peers", null).assertStatus(200).json().forEach(peer -> {
            if (peer.get("name").asText().equals(name)) {
                named.add(peer);
            }
        });
        assertThat(named).hasSize(1);
        return named.get(0);
    }
}
