package io.ocpi.adapter.modules.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A peer of OCPI 2.1.1, scripted in raw JSON and HTTP from the 2.1.1 text (credentials.md,
 * version_information_endpoint.md, transport_and_format.md): one role per party, flat credentials, version details
 * without interface roles, the token sent as it is.
 */
class Ocpi211PeerTest {

    static AdapterInstance adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterInstance.start("ocpi211", "NL", "VE");
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    /** The versions and 2.1.1 details of a scripted eMSP (tokens it sends, locations it receives). */
    private static FakePeer emsp() {
        FakePeer peer = new FakePeer();
        peer.on("/versions", Answer.ocpi("[{\"version\":\"2.1.1\",\"url\":\"" + peer.url("/2.1.1") + "\"}]"));
        peer.on("/2.1.1", Answer.ocpi("{\"version\":\"2.1.1\",\"endpoints\":["
                + "{\"identifier\":\"credentials\",\"url\":\"" + peer.url("/2.1.1/credentials") + "\"},"
                + "{\"identifier\":\"locations\",\"url\":\"" + peer.url("/2.1.1/locations") + "\"},"
                + "{\"identifier\":\"tokens\",\"url\":\"" + peer.url("/2.1.1/tokens") + "\"}]}"));
        return peer;
    }

    private static Map<String, String> plain(String token) {
        return Map.of("Authorization", "Token " + token);
    }

    @Test
    void a211PeerRegistersWithUsInOneRoleWithFlatCredentialsAndPlainTokens() {
        String tokenA = adapter.admin("POST", "/invitations", Map.of("name", "emsp-211", "role", "CPO")).assertStatus(200)
                .json().get("token").asText();
        try (FakePeer peer = emsp()) {
            JsonNode versions = AdapterInstance.send("GET", adapter.versionsUrl(), plain(tokenA), null).assertStatus(200).data();
            String detailsUrl = null;
            for (JsonNode version : versions) {
                if (version.get("version").asText().equals("2.1.1")) {
                    detailsUrl = version.get("url").asText();
                }
            }
            assertThat(detailsUrl).isEqualTo(adapter.baseUrl() + "/ocpi/2.1.1");
            JsonNode details = AdapterInstance.send("GET", detailsUrl, plain(tokenA), null).assertStatus(200).data();
            String credentialsUrl = null;
            for (JsonNode endpoint : details.get("endpoints")) {
                assertThat(endpoint.has("role")).isFalse();
                if (endpoint.get("identifier").asText().equals("credentials")) {
                    credentialsUrl = endpoint.get("url").asText();
                }
            }
            assertThat(details.get("endpoints").toString()).contains(adapter.baseUrl() + "/ocpi/cpo/2.1.1/locations");

            String flat = "{\"token\":\"token-b-211\",\"url\":\"" + peer.url("/versions") + "\",\"business_details\":{\"name\":\"Scripted eMSP\"},"
                    + "\"party_id\":\"EMP\",\"country_code\":\"DE\"}";
            Reply registered = AdapterInstance.send("POST", credentialsUrl, plain(tokenA), flat).assertStatus(200);
            assertThat(registered.ocpiStatus()).isEqualTo(1000);
            JsonNode ours = registered.data();
            assertThat(ours.has("roles")).isFalse();
            assertThat(ours.get("party_id").asText()).isEqualTo("VEC");
            assertThat(ours.get("country_code").asText()).isEqualTo("NL");
            assertThat(ours.get("business_details").get("name").asText()).isEqualTo("ocpi211 CPO");
            assertThat(ours.get("url").asText()).isEqualTo(adapter.versionsUrl());
            String tokenC = ours.get("token").asText();

            // We called it back with its token as it is, and no routing headers: 2.1.1 has none.
            FakePeer.Received calledBack = peer.received("/2.1.1").get(0);
            assertThat(calledBack.header("Authorization")).isEqualTo("Token token-b-211");

            JsonNode view = peerNamed("emsp-211");
            assertThat(view.get("version").asText()).isEqualTo("2.1.1");
            assertThat(view.get("token_encoding").asText()).isEqualTo("PLAIN");
            assertThat(view.get("roles")).hasSize(1);
            assertThat(view.get("roles").get(0).get("role").asText()).isEqualTo("EMSP");
            assertThat(view.get("roles").get(0).get("party_id").asText()).isEqualTo("EMP");
            assertThat(view.get("endpoints").toString())
                    .contains("{\"identifier\":\"tokens\",\"role\":\"SENDER\"")
                    .contains("{\"identifier\":\"locations\",\"role\":\"RECEIVER\"");

            // A 2.1.1 request needs no routing headers and its answer carries none; a 2.2.1 one's does.
            Reply list = AdapterInstance.send("GET", adapter.baseUrl() + "/ocpi/cpo/2.1.1/locations", plain(tokenC), null).assertStatus(200);
            assertThat(list.ocpiStatus()).isEqualTo(1000);
            assertThat(list.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("ocpi-"));
            Reply list221 = AdapterInstance.send("GET", adapter.baseUrl() + "/ocpi/cpo/2.2.1/locations", plain(tokenC), null).assertStatus(200);
            assertThat(list221.header("OCPI-from-party-id")).isEqualTo("VEC");

            // Token C works as it is on 2.1.1 paths; the peer unregisters.
            JsonNode current = AdapterInstance.send("GET", credentialsUrl, plain(tokenC), null).assertStatus(200).data();
            assertThat(current.get("party_id").asText()).isEqualTo("VEC");
            AdapterInstance.send("DELETE", credentialsUrl, plain(tokenC), null).assertStatus(200);
            assertThat(peerNamed("emsp-211").get("status").asText()).isEqualTo("UNREGISTERED");
        }
    }

    @Test
    void weRegisterWithA211PeerAsTheRoleTheOperatorNames() {
        try (FakePeer peer = new FakePeer()) {
            peer.on("/versions", Answer.ocpi("[{\"version\":\"2.1.1\",\"url\":\"" + peer.url("/2.1.1") + "\"}]"));
            peer.on("/2.1.1", Answer.ocpi("{\"version\":\"2.1.1\",\"endpoints\":["
                    + "{\"identifier\":\"credentials\",\"url\":\"" + peer.url("/2.1.1/credentials") + "\"},"
                    + "{\"identifier\":\"locations\",\"url\":\"" + peer.url("/2.1.1/locations") + "\"},"
                    + "{\"identifier\":\"commands\",\"url\":\"" + peer.url("/2.1.1/commands") + "\"}]}"));
            peer.on("/2.1.1/credentials", request -> request.method().equals("DELETE") ? Answer.ocpi("null")
                    : Answer.ocpi("{\"token\":\"token-c-of-cpo\",\"url\":\"" + peer.url("/versions") + "\","
                    + "\"business_details\":{\"name\":\"Scripted CPO\"},\"party_id\":\"CPX\",\"country_code\":\"BE\"}"));

            // We play CPO and EMSP: towards a 2.1.1 peer the operator must say which.
            Reply unnamed = adapter.admin("POST", "/peers", Map.of("url", peer.url("/versions"), "token", "token-a-211", "name", "cpo-unnamed"));
            assertThat(unnamed.status()).isEqualTo(502);
            assertThat(unnamed.json().get("error").asText()).contains("3002").contains("role");

            Reply registered = adapter.admin("POST", "/peers", Map.of("url", peer.url("/versions"), "token", "token-a-211", "name", "cpo-211",
                    "role", "EMSP")).assertStatus(200);
            JsonNode view = registered.json();
            assertThat(view.get("version").asText()).isEqualTo("2.1.1");
            assertThat(view.get("our_role").asText()).isEqualTo("EMSP");
            assertThat(view.get("token_encoding").asText()).isEqualTo("PLAIN");
            assertThat(view.get("roles").get(0).get("role").asText()).isEqualTo("CPO");
            assertThat(view.get("roles").get(0).get("country_code").asText()).isEqualTo("BE");
            assertThat(view.get("endpoints").toString())
                    .contains("{\"identifier\":\"locations\",\"role\":\"SENDER\"")
                    .contains("{\"identifier\":\"commands\",\"role\":\"RECEIVER\"");

            FakePeer.Received posted = peer.received("/2.1.1/credentials").get(0);
            assertThat(posted.method()).isEqualTo("POST");
            assertThat(posted.header("Authorization")).isEqualTo("Token token-a-211");
            JsonNode sent = AdapterInstance.JSON.readTree(posted.body());
            assertThat(sent.has("roles")).isFalse();
            assertThat(sent.get("party_id").asText()).isEqualTo("VEE");
            assertThat(sent.get("country_code").asText()).isEqualTo("NL");
            assertThat(sent.get("business_details").get("name").asText()).isEqualTo("ocpi211 eMSP");
            for (FakePeer.Received call : peer.received()) {
                assertThat(call.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("ocpi-"));
            }

            adapter.admin("DELETE", "/peers/" + view.get("id").asLong(), null).assertStatus(200);
            List<FakePeer.Received> calls = peer.received("/2.1.1/credentials");
            FakePeer.Received deleted = calls.get(calls.size() - 1);
            assertThat(deleted.method()).isEqualTo("DELETE");
            assertThat(deleted.header("Authorization")).isEqualTo("Token token-c-of-cpo");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPeerSwitchesVersionByPuttingItsCredentialsAtAnotherVersionsUrl() {
        String tokenA = adapter.admin("POST", "/invitations", Map.of("name", "switching", "role", "CPO")).assertStatus(200)
                .json().get("token").asText();
        try (FakePeer peer = new FakePeer()) {
            peer.on("/versions", Answer.ocpi("[{\"version\":\"2.1.1\",\"url\":\"" + peer.url("/2.1.1") + "\"},"
                    + "{\"version\":\"2.2.1\",\"url\":\"" + peer.url("/2.2.1") + "\"}]"));
            peer.on("/2.2.1", Answer.ocpi("{\"version\":\"2.2.1\",\"endpoints\":["
                    + "{\"identifier\":\"credentials\",\"role\":\"SENDER\",\"url\":\"" + peer.url("/2.2.1/credentials") + "\"}]}"));
            peer.on("/2.1.1", Answer.ocpi("{\"version\":\"2.1.1\",\"endpoints\":["
                    + "{\"identifier\":\"credentials\",\"url\":\"" + peer.url("/2.1.1/credentials") + "\"},"
                    + "{\"identifier\":\"tokens\",\"url\":\"" + peer.url("/2.1.1/tokens") + "\"}]}"));
            Reply registered = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, Map.of("token", "token-b-switch", "url", peer.url("/versions"),
                    "roles", List.of(Map.of("role", "EMSP", "party_id", "SWI", "country_code", "NL", "business_details", Map.of("name", "Switcher")))))
                    .assertStatus(200);
            assertThat(registered.data().get("roles")).isNotNull();
            assertThat(peerNamed("switching").get("version").asText()).isEqualTo("2.2.1");
            String tokenC = registered.data().get("token").asText();

            String flat = "{\"token\":\"token-b-switched\",\"url\":\"" + peer.url("/versions") + "\",\"business_details\":{\"name\":\"Switcher\"},"
                    + "\"party_id\":\"SWI\",\"country_code\":\"NL\"}";
            Reply switched = AdapterInstance.send("PUT", adapter.baseUrl() + "/ocpi/2.1.1/credentials", plain(tokenC), flat).assertStatus(200);
            assertThat(switched.ocpiStatus()).isEqualTo(1000);
            assertThat(switched.data().has("roles")).isFalse();
            assertThat(switched.data().get("party_id").asText()).isEqualTo("VEC");
            JsonNode view = peerNamed("switching");
            assertThat(view.get("version").asText()).isEqualTo("2.1.1");
            assertThat(view.get("endpoints").toString()).contains(peer.url("/2.1.1/tokens"));
        }
    }

    @Test
    void aPeerWithNoVersionInCommonGets3002NamingTheVersionsOfBothSides() {
        try (FakePeer peer = new FakePeer()) {
            peer.on("/versions", Answer.ocpi("[{\"version\":\"2.0\",\"url\":\"" + peer.url("/2.0") + "\"}]"));
            Reply refused = adapter.admin("POST", "/peers", Map.of("url", peer.url("/versions"), "token", "t", "name", "too-old"));
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.json().get("error").asText()).contains("3002").contains("offers [2.0]").contains("[2.1.1, 2.2.1, 2.3.0]");

            String tokenA = adapter.invite("too-old-too");
            Reply byPeer = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, Map.of("token", "b", "url", peer.url("/versions"),
                    "roles", List.of(Map.of("role", "EMSP", "party_id", "OLD", "country_code", "NL", "business_details", Map.of("name", "Old")))));
            assertThat(byPeer.ocpiStatus()).isEqualTo(3002);
            assertThat(byPeer.json().get("status_message").asText()).contains("2.2.1").contains("[2.1.1, 2.2.1, 2.3.0]");
        }
    }

    private static JsonNode peerNamed(String name) {
        JsonNode all = adapter.admin("GET", "/peers", null).assertStatus(200).json();
        List<JsonNode> named = new ArrayList<>();
        all.forEach(peer -> {
            if (peer.get("name").asText().equals(name)) {
                named.add(peer);
            }
        });
        assertThat(named).hasSize(1);
        return named.get(0);
    }
}
