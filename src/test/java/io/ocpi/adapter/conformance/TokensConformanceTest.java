package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens (rows 24 to 28): our customers' tokens and their real-time authorization, and the peer's tokens we keep. */
class TokensConformanceTest {

    static PeerPlatform platform;

    @BeforeAll
    static void start() {
        platform = PeerPlatform.start("tokens");
        platform.publish("tokens", Samples.token("CARD1", true, "2024-01-01T00:00:00Z"));
        platform.publish("tokens", Samples.token("CARD2", false, "2024-01-02T00:00:00Z"));
        platform.publish("tokens", Samples.token("CARD3", true, "2024-01-03T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void senderListsOurTokens() {
        Reply all = platform.call("GET", "/ocpi/emsp/2.2.1/tokens?offset=1&limit=1", null).assertStatus(200);
        assertThat(all.data()).extracting(t -> t.get("uid").asText()).containsExactly("CARD2");
        assertThat(all.header("X-Total-Count")).isEqualTo("3");
        assertThat(all.header("Link")).contains("offset=2&limit=1");
        assertThat(platform.call("GET", "/ocpi/emsp/2.2.1/tokens?date_to=notadate", null).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void authorizeAnswersFromTheTokenStoreWhenNoRouteDecides() {
        Reply allowed = platform.call("POST", "/ocpi/emsp/2.2.1/tokens/CARD1/authorize", Map.of("location_id", "LOC1", "evse_uids", java.util.List.of("E1")));
        allowed.assertStatus(200);
        assertThat(allowed.data().get("allowed").asText()).isEqualTo("ALLOWED");
        assertThat(allowed.data().get("token").get("uid").asText()).isEqualTo("CARD1");
        assertThat(allowed.data().get("location").get("location_id").asText()).isEqualTo("LOC1");
        assertThat(allowed.data().get("authorization_reference").asText()).hasSizeBetween(1, 36);

        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/tokens/card2/authorize?type=RFID", null).data().get("allowed").asText())
                .isEqualTo("BLOCKED");

        Reply unknown = platform.call("POST", "/ocpi/emsp/2.2.1/tokens/NOCARD/authorize", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2004);
        assertThat(unknown.json().has("data")).isFalse();
        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/tokens/CARD1/authorize?type=APP_USER", null).ocpiStatus()).isEqualTo(2004);
        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/tokens/CARD1/authorize?type=BADGE", null).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void authorizeAsksTheRouteThatListens() throws Exception {
        try (PeerPlatform decided = PeerPlatform.start("tokens-decided")) {
            decided.publish("tokens", Samples.token("CARD9", true, "2024-01-01T00:00:00Z"));
            decided.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ocpi.tokens.authorize").routeId("billing-authorize")
                            .setBody(constant("{\"allowed\":\"NO_CREDIT\",\"authorization_reference\":\"REF-1\"}"));
                }
            });
            Reply reply = decided.call("POST", "/ocpi/emsp/2.2.1/tokens/CARD9/authorize", null).assertStatus(200);
            assertThat(reply.data().get("allowed").asText()).isEqualTo("NO_CREDIT");
            assertThat(reply.data().get("authorization_reference").asText()).isEqualTo("REF-1");

            // A route switched off no longer listens: the token store answers again.
            decided.adapter.bean(CamelContext.class).getRouteController().stopRoute("billing-authorize");
            Reply fromStore = decided.call("POST", "/ocpi/emsp/2.2.1/tokens/CARD9/authorize", Map.of("location_id", "OTHER")).assertStatus(200);
            assertThat(fromStore.data().get("allowed").asText()).isEqualTo("ALLOWED");
        }
    }

    @Test
    void receiverKeepsThePeersTokensByUidAndType() {
        String path = "/ocpi/cpo/2.2.1/tokens/NL/PMS/PEERCARD";
        String body = Samples.token("PEERCARD", true, "2024-01-01T00:00:00Z").replace("\"ADE\"", "\"PMS\"");
        platform.call("PUT", path, body).assertStatus(201);
        platform.call("PUT", path + "?type=APP_USER", body.replace("\"RFID\"", "\"APP_USER\"")).assertStatus(201);
        platform.call("PATCH", path, Map.of("valid", false, "last_updated", "2024-02-01T00:00:00Z")).assertStatus(200);

        assertThat(platform.call("GET", path + "?type=RFID", null).assertStatus(200).data().get("valid").asBoolean()).isFalse();
        assertThat(platform.call("GET", path + "?type=APP_USER", null).assertStatus(200).data().get("valid").asBoolean()).isTrue();
        assertThat(platform.call("GET", path + "?type=OTHER", null).status()).isEqualTo(404);

        Reply wrongType = platform.call("PUT", path + "?type=OTHER", body);
        assertThat(wrongType.ocpiStatus()).isEqualTo(2001);
        assertThat(wrongType.json().get("status_message").asText()).startsWith("type:");
        assertThat(platform.call("PATCH", path, Map.of("valid", true)).ocpiStatus()).isEqualTo(2001);
    }
}
