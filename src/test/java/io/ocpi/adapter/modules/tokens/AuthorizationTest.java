package io.ocpi.adapter.modules.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token authorization in both roles: as a CPO, the decision for each whitelist type with the eMSP up, slow and down;
 * as an eMSP, the answer of the billing route, reused for a short while.
 */
class AuthorizationTest {

    static PeerPlatform platform;
    static final AtomicReference<String> billing = new AtomicReference<>("ALLOWED");

    static String peerToken(String uid, String whitelist) {
        return Samples.token(uid, true, "2024-01-01T00:00:00Z").replace("\"ADE\"", "\"PMS\"").replace("\"ALLOWED\"", "\"" + whitelist + "\"");
    }

    @BeforeAll
    static void start() throws Exception {
        platform = PeerPlatform.start("authorization", Map.of("ocpi.authorization.timeout", "500ms", "ocpi.authorization.cache-for", "1s"));
        for (String[] token : new String[][] {{"W-ALWAYS", "ALWAYS"}, {"W-ALLOWED", "ALLOWED"}, {"W-OFFLINE", "ALLOWED_OFFLINE"}, {"W-NEVER", "NEVER"}}) {
            platform.call("PUT", "/ocpi/cpo/2.2.1/tokens/NL/PMS/" + token[0], peerToken(token[0], token[1])).assertStatus(201);
            platform.peer.on("/2.2.1/tokens/" + token[0] + "/authorize", request -> Answer.ocpi(
                    "{\"allowed\":\"BLOCKED\",\"authorization_reference\":\"EMSP-REF\",\"token\":" + peerToken(token[0], token[1]) + "}"));
        }
        platform.publish("tokens", Samples.token("OURS", true, "2024-01-01T00:00:00Z"));
        platform.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // The billing data: a contract limited to location LOC1, whatever its state says elsewhere.
                from("direct:ocpi.tokens.authorize").setBody(exchange -> exchange.getIn().getBody(String.class).contains("\"location_id\":\"LOC1\"")
                        || !exchange.getIn().getBody(String.class).contains("\"location\"") ? billing.get() : "NOT_ALLOWED");
            }
        });
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static JsonNode decide(String uid) {
        String answer = platform.input("ocpi.tokens.decide", "{\"location_id\":\"LOC1\"}", Map.of("OcpiObjectId", uid, "OcpiTokenType", "RFID"))
                .getMessage().getBody(String.class);
        try {
            return AdapterInstance.JSON.readTree(answer);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String allowed(String uid) {
        return decide(uid).get("allowed").asText();
    }

    @Test
    void withTheEmspUpItsAnswerDecidesButForAlwaysTokens() {
        int asked = platform.peer.received("/2.2.1/tokens/W-ALWAYS/authorize").size();
        assertThat(allowed("W-ALWAYS")).isEqualTo("ALLOWED");
        assertThat(platform.peer.received("/2.2.1/tokens/W-ALWAYS/authorize")).hasSize(asked);

        JsonNode allowedToken = decide("W-ALLOWED");
        assertThat(allowedToken.get("allowed").asText()).isEqualTo("BLOCKED");
        assertThat(allowedToken.get("authorization_reference").asText()).isEqualTo("EMSP-REF");
        assertThat(allowed("W-OFFLINE")).isEqualTo("BLOCKED");
        assertThat(allowed("W-NEVER")).isEqualTo("BLOCKED");
        FakePeer.Received request = platform.peer.received("/2.2.1/tokens/W-NEVER/authorize").get(0);
        assertThat(request.body()).contains("\"location_id\":\"LOC1\"");
        assertThat(request.header("OCPI-to-party-id")).isEqualTo("PMS");

        assertThat(allowed("NOBODY")).isEqualTo("NOT_ALLOWED");
        JsonNode counted = platform.adapter.admin("GET", "/metrics/ocpi.authorize.decisions?tag=side:cpo&tag=allowed:NOT_ALLOWED", null)
                .assertStatus(200).json();
        assertThat(counted.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void withTheEmspSlowOrDownTheWhitelistTypeDecides() {
        for (String uid : new String[] {"W-ALLOWED", "W-OFFLINE", "W-NEVER"}) {
            platform.peer.on("/2.2.1/tokens/" + uid + "/authorize", request -> {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Answer.ocpi("null");
            });
        }
        assertThat(allowed("W-ALLOWED")).isEqualTo("ALLOWED");
        assertThat(allowed("W-OFFLINE")).isEqualTo("ALLOWED");
        assertThat(allowed("W-NEVER")).isEqualTo("NOT_ALLOWED");

        platform.peer.stop();
        try {
            assertThat(allowed("W-ALWAYS")).isEqualTo("ALLOWED");
            assertThat(allowed("W-ALLOWED")).isEqualTo("ALLOWED");
            assertThat(allowed("W-OFFLINE")).isEqualTo("ALLOWED");
            JsonNode never = decide("W-NEVER");
            assertThat(never.get("allowed").asText()).isEqualTo("NOT_ALLOWED");
            assertThat(never.get("authorization_reference").asText()).isNotBlank();
        } finally {
            platform.peer.start();
        }
        platform.peer.on("/2.2.1/tokens/W-NEVER/authorize", new Answer(404,
                "{\"status_code\":2004,\"status_message\":\"unknown token\",\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of()));
        assertThat(allowed("W-NEVER")).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void asEmspTheBillingAnswerIsReusedOnlyForAWhile() throws Exception {
        billing.set("ALLOWED");
        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/tokens/OURS/authorize", null).data().get("allowed").asText()).isEqualTo("ALLOWED");
        billing.set("BLOCKED");
        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/tokens/OURS/authorize", null).data().get("allowed").asText()).isEqualTo("ALLOWED");
        Thread.sleep(1200);
        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/tokens/OURS/authorize", null).data().get("allowed").asText()).isEqualTo("BLOCKED");
        billing.set("EXPIRED");
        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/tokens/OURS/authorize", Map.of("location_id", "LOC1")).data().get("allowed").asText())
                .isEqualTo("EXPIRED");
        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/tokens/OURS/authorize", Map.of("location_id", "ELSEWHERE")).data().get("allowed").asText())
                .isEqualTo("NOT_ALLOWED");
        billing.set("NO_CREDIT");
        Thread.sleep(1200);
        JsonNode noCredit = platform.call("POST", "/ocpi/emsp/2.2.1/tokens/OURS/authorize", null).data();
        assertThat(noCredit.get("allowed").asText()).isEqualTo("NO_CREDIT");
        assertThat(noCredit.get("authorization_reference").asText()).isNotBlank();
    }

    @Test
    void anAuthorizationInfoWrappedInAOneElementArrayIsTaken() {
        platform.call("PUT", "/ocpi/cpo/2.2.1/tokens/NL/PMS/W-WRAPPED", peerToken("W-WRAPPED", "ALLOWED")).assertStatus(201);
        platform.peer.on("/2.2.1/tokens/W-WRAPPED/authorize", request -> Answer.ocpi(
                "[{\"allowed\":\"BLOCKED\",\"authorization_reference\":\"WRAPPED-REF\",\"token\":" + peerToken("W-WRAPPED", "ALLOWED") + "}]"));
        JsonNode decided = decide("W-WRAPPED");
        assertThat(decided.get("allowed").asText()).isEqualTo("BLOCKED");
        assertThat(decided.get("authorization_reference").asText()).isEqualTo("WRAPPED-REF");
        JsonNode counted = platform.adapter.admin("GET", "/metrics/ocpi.peer.deviations?tag=peer:peer&tag=deviation:one-element-array", null)
                .assertStatus(200).json();
        assertThat(counted.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }
}
