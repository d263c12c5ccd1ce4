package io.ocpi.adapter.protocol;

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

    /** A peer that takes its token A only in one encoding: any other Authorization than {@code authorization} gets 401. */
    static FakePeer acceptingOnly(String authorization) {
        FakePeer strict = new FakePeer();
        String versions = "[{\"version\":\"2.2.1\",\"url\":\"" + strict.url("/2.2.1") + "\"}]";
        String details = "{\"version\":\"2.2.1\",\"endpoints\":[{\"identifier\":\"credentials\",\"role\":\"SENDER\",\"url\":\""
                + strict.url("/2.2.1/credentials") + "\"}]}";
        String credentials = "{\"token\":\"their-token-c\",\"url\":\"" + strict.url("/versions") + "\",\"roles\":[{\"role\":\"CPO\","
                + "\"party_id\":\"STR\",\"country_code\":\"BE\",\"business_details\":{\"name\":\"Strict CPO\"}}]}";
        Answer refused = new Answer(401, "{\"status_code\":2000,\"status_message\":\"unknown token\",\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of());
        strict.on("/versions", request -> authorization.equals(request.header("Authorization")) ? Answer.ocpi(versions) : refused);
        strict.on("/2.2.1", request -> authorization.equals(request.header("Authorization")) ? Answer.ocpi(details) : refused);
        strict.on("/2.2.1/credentials", request -> authorization.equals(request.header("Authorization")) ? Answer.ocpi(credentials) : refused);
        return strict;
    }

    @Test
    void aPeerThatTakesItsTokenOnlyInTheOtherEncodingIsRegisteredWithThatEncoding() {
        String plainA = "plain-only-token-a";
        try (FakePeer plainOnly = acceptingOnly("Token " + plainA);
             FakePeer base64Only = acceptingOnly("Token " + AdapterInstance.base64("base64-only-token-a"))) {
            Reply plain = adapter.admin("POST", "/peers", Map.of("url", plainOnly.url("/versions"), "token", plainA, "name", "plain-only"));
            assertThat(plain.status()).as(plain.body()).isEqualTo(200);
            assertThat(plain.json().get("token_encoding").asText()).isEqualTo("PLAIN");
            assertThat(plainOnly.received("/2.2.1/credentials").get(0).header("Authorization")).isEqualTo("Token " + plainA);

            Reply base64 = adapter.admin("POST", "/peers", Map.of("url", base64Only.url("/versions"), "token", "base64-only-token-a",
                    "name", "base64-only", "encoding", "PLAIN"));
            assertThat(base64.status()).as(base64.body()).isEqualTo(200);
            assertThat(base64.json().get("token_encoding").asText()).isEqualTo("BASE64");

            JsonNode counted = adapter.admin("GET", "/metrics/ocpi.peer.deviations?tag=peer:plain-only&tag=deviation:token-encoding", null)
                    .assertStatus(200).json();
            assertThat(counted.get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
        }
    }
}
