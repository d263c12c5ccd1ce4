package io.ocpi.adapter.versions.v230;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mod_hub_client_info.asciidoc of 2.3.0: a 2.3.0 hub (naming itself in {@code hub_party_id}) tells us the connection
 * status of its clients on our Receiver, and any 2.3.0 peer reads the list of parties connected to us; no routing
 * headers on this module.
 */
class HubClientInfo230Test {

    static Peer230 peer;
    static FakePeer hub;
    static String hubToken;

    @BeforeAll
    static void start() {
        peer = Peer230.start("hubclientinfo230");
        hub = new FakePeer();
        Peer230.offer230(hub);
        String credentials = "{\"token\":\"hub230-b\",\"url\":\"" + hub.url("/versions") + "\",\"hub_party_id\":\"EUHUB\",\"roles\":["
                + "{\"role\":\"CPO\",\"business_details\":{\"name\":\"CPO behind the hub\"},\"party_id\":\"HBC\",\"country_code\":\"FR\"}]}";
        hubToken = peer.adapter.ocpi("POST", "/ocpi/2.3.0/credentials", peer.adapter.invite("hub230"), credentials)
                .assertStatus(200).data().get("token").asText();
    }

    @AfterAll
    static void stop() {
        peer.close();
        hub.close();
    }

    static String info(String countryCode, String partyId, String role, String status) {
        return "{\"party_id\":\"" + partyId + "\",\"country_code\":\"" + countryCode + "\",\"role\":\"" + role + "\",\"status\":\""
                + status + "\",\"last_updated\":\"2024-01-01T00:00:00Z\"}";
    }

    @Test
    void theHubReportsItsClientsOnOurReceiver() {
        String path = "/ocpi/2.3.0/hubclientinfo/FR/ABC";
        peer.callWith(hubToken, "PUT", path, info("FR", "ABC", "CPO", "CONNECTED")).assertStatus(201);
        peer.callWith(hubToken, "PUT", path, info("FR", "ABC", "CPO", "SUSPENDED")).assertStatus(200);
        Reply read = peer.callWith(hubToken, "GET", path, null).assertStatus(200);
        assertThat(read.data().get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(read.header("OCPI-from-party-id")).as("no routing headers on hubclientinfo").isNull();

        Reply unknown = peer.callWith(hubToken, "GET", "/ocpi/2.3.0/hubclientinfo/FR/XYZ", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
        Reply badStatus = peer.callWith(hubToken, "PUT", path, info("FR", "ABC", "CPO", "ASLEEP"));
        assertThat(badStatus.ocpiStatus()).isEqualTo(2001);
        assertThat(badStatus.json().get("status_message").asText()).startsWith("status: unknown value 'ASLEEP'");
        Reply noRole = peer.callWith(hubToken, "PUT", path, "{\"party_id\":\"ABC\",\"country_code\":\"FR\",\"status\":\"CONNECTED\","
                + "\"last_updated\":\"2024-01-01T00:00:00Z\"}");
        assertThat(noRole.ocpiStatus()).isEqualTo(2001);
        assertThat(noRole.json().get("status_message").asText()).isEqualTo("role: must not be null");
        assertThat(peer.callWith(hubToken, "PUT", "/ocpi/2.3.0/hubclientinfo/DE/ABC", info("FR", "ABC", "CPO", "CONNECTED")).ocpiStatus())
                .isEqualTo(2001);
        assertThat(peer.call("PUT", path, info("FR", "ABC", "CPO", "CONNECTED")).status()).as("only a hub reports clients").isEqualTo(403);
    }

    @Test
    void aPeerReadsThePartiesConnectedToUsWithRolesOf230() {
        Reply list = peer.call("GET", "/ocpi/2.3.0/hubclientinfo?limit=100", null).assertStatus(200);
        assertThat(list.data()).extracting(i -> i.get("role").asText() + " " + i.get("country_code").asText() + "*" + i.get("party_id").asText()
                + "/" + i.get("status").asText()).contains("CPO NL*PCP/CONNECTED", "PTP NL*PTP/CONNECTED", "CPO FR*HBC/CONNECTED");
        for (JsonNode info : list.data()) {
            assertThat(info.get("role").asText()).as("2.3.0 has no HUB role: " + info).isNotEqualTo("HUB");
        }
        assertThat(list.header("X-Total-Count")).isNotNull();
        assertThat(peer.callWith(null, "GET", "/ocpi/2.3.0/hubclientinfo", null).status()).isEqualTo(401);
    }
}
