package io.ocpi.adapter.modules.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ocpi.registration.required-modules} asks of each peer the required modules its version has: a module the
 * peer's version does not define (2.1.1 has no hubclientinfo) cannot be missing from its version details.
 */
class RequiredModulesTest {

    static AdapterInstance adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterInstance.start("required", "NL", "RQ",
                Map.of("ocpi.registration.required-modules", "locations,hubclientinfo"));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    /** A scripted CPO on {@code version} whose details list credentials, locations and, if asked, hubclientinfo. */
    private static FakePeer cpo(String version, boolean hubClientInfo) {
        FakePeer peer = new FakePeer();
        boolean roles = !version.equals("2.1.1");
        peer.on("/versions", Answer.ocpi("[{\"version\":\"" + version + "\",\"url\":\"" + peer.url("/" + version) + "\"}]"));
        peer.on("/" + version, Answer.ocpi("{\"version\":\"" + version + "\",\"endpoints\":["
                + endpoint(peer, version, "credentials", roles ? "SENDER" : null) + ","
                + endpoint(peer, version, "locations", roles ? "SENDER" : null)
                + (hubClientInfo ? "," + endpoint(peer, version, "hubclientinfo", "RECEIVER") : "") + "]}"));
        peer.on("/" + version + "/credentials", request -> request.method().equals("DELETE") ? Answer.ocpi("null")
                : Answer.ocpi(roles
                ? "{\"token\":\"token-c\",\"url\":\"" + peer.url("/versions") + "\",\"roles\":[{\"role\":\"CPO\",\"party_id\":\"CPX\","
                        + "\"country_code\":\"BE\",\"business_details\":{\"name\":\"Scripted CPO\"}}]}"
                : "{\"token\":\"token-c\",\"url\":\"" + peer.url("/versions") + "\",\"business_details\":{\"name\":\"Scripted CPO\"},"
                        + "\"party_id\":\"CPX\",\"country_code\":\"BE\"}"));
        return peer;
    }

    private static String endpoint(FakePeer peer, String version, String module, String role) {
        return "{\"identifier\":\"" + module + "\"" + (role != null ? ",\"role\":\"" + role + "\"" : "")
                + ",\"url\":\"" + peer.url("/" + version + "/" + module) + "\"}";
    }

    private static Reply register(FakePeer peer, String name) {
        return adapter.admin("POST", "/peers", Map.of("url", peer.url("/versions"), "token", "token-a", "name", name, "role", "EMSP"));
    }

    @Test
    void a211PeerIsNotAskedForAModuleItsVersionDoesNotHave() {
        try (FakePeer peer = cpo("2.1.1", false)) {
            JsonNode view = register(peer, "cpo-211").assertStatus(200).json();
            assertThat(view.get("version").asText()).isEqualTo("2.1.1");
            adapter.admin("DELETE", "/peers/" + view.get("id").asLong(), null).assertStatus(200);
        }
    }

    @Test
    void a221PeerWithoutARequiredModuleIsRefusedNamingIt() {
        try (FakePeer peer = cpo("2.2.1", false)) {
            Reply refused = register(peer, "cpo-221-lacking");
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.json().get("error").asText()).contains("3003").contains("hubclientinfo");
        }
        try (FakePeer peer = cpo("2.2.1", true)) {
            JsonNode view = register(peer, "cpo-221").assertStatus(200).json();
            assertThat(view.get("version").asText()).isEqualTo("2.2.1");
            adapter.admin("DELETE", "/peers/" + view.get("id").asLong(), null).assertStatus(200);
        }
    }
}
