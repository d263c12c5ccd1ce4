package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-peer token encoding, with plain tokens refused unless the peer is set to PLAIN. */
class TokenEncodingTest {

    static AdapterInstance adapter;
    static FakePeer peer;

    @BeforeAll
    static void start() {
        adapter = AdapterInstance.start("strict", "NL", "ST", Map.of("ocpi.auth.accept-plain-tokens", false));
        peer = new FakePeer().offering221("credentials");
        peer.on("/2.2.1/credentials", Answer.ocpi("null"));
    }

    @AfterAll
    static void stop() {
        adapter.close();
        peer.close();
    }

    @Test
    void plainTokensWorkOnlyForPeersSetToPlain() {
        Reply registered = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite("legacy"), Map.of(
                "token", "legacy-token-b", "url", peer.url("/versions"), "roles", List.of(Map.of(
                        "role", "CPO", "party_id", "LEG", "country_code", "BE", "business_details", Map.of("name", "Legacy CPO")))));
        registered.assertStatus(200);
        String tokenC = registered.data().get("token").asText();
        long id = adapter.admin("GET", "/peers", null).json().get(0).get("id").asLong();

        Map<String, String> plain = Map.of("Authorization", "Token " + tokenC);
        assertThat(AdapterInstance.send("GET", adapter.baseUrl() + "/ocpi/versions", plain, null).status()).isEqualTo(401);
        adapter.ocpi("GET", "/ocpi/versions", tokenC, null).assertStatus(200);

        adapter.admin("POST", "/peers/" + id + "/plain-token", null).assertStatus(200);
        AdapterInstance.send("GET", adapter.baseUrl() + "/ocpi/versions", plain, null).assertStatus(200);

        // We now send our token to that peer as it is, too.
        adapter.admin("DELETE", "/peers/" + id, null).assertStatus(200);
        FakePeer.Received unregister = peer.received("/2.2.1/credentials").get(0);
        assertThat(unregister.method()).isEqualTo("DELETE");
        assertThat(unregister.header("Authorization")).isEqualTo("Token legacy-token-b");

        assertThat(adapter.admin("POST", "/peers/" + id + "/no-such-action", null).status()).isEqualTo(404);
        assertThat(adapter.admin("POST", "/peers/999/plain-token", null).status()).isEqualTo(404);
    }
}
