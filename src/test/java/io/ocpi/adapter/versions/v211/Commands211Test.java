package io.ocpi.adapter.versions.v211;

import static io.ocpi.adapter.versions.v211.Scripted211.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands (mod_commands.md) with 2.1.1 parties: 2.1, the CPO interface (POST {command}) the adapter serves to the
 * scripted eMSP, whose asynchronous result it posts to the eMSP's response_url; 2.2, the eMSP interface (the
 * response_url of a command the adapter sent) it serves to the scripted CPO. 2.1.1 has START_SESSION, STOP_SESSION,
 * RESERVE_NOW and UNLOCK_CONNECTOR; its CommandResponse holds the result alone, no timeout.
 */
class Commands211Test {

    static Scripted211 peers;
    static final BlockingQueue<Exchange> requested = new LinkedBlockingQueue<>();
    static final BlockingQueue<Exchange> results = new LinkedBlockingQueue<>();

    /** The token of the scripted eMSP, as mod_tokens.md 3.2 writes it. */
    static final String TOKEN = """
            {"uid": "012345678", "type": "RFID", "auth_id": "DE8ACC12E46L89", "visual_number": "DF000-2001-8999", "issuer": "Scripted eMSP",
             "valid": true, "whitelist": "ALLOWED", "last_updated": "2015-06-29T22:39:09Z"}""";

    @BeforeAll
    static void start() throws Exception {
        peers = Scripted211.start("v211-commands", Map.of("ocpi.result-timeout", "30s"));
        peers.emsp.server.on("/2.1.1/locations/NL/ADC/L1", Answer.ocpi("null"));
        peers.emsp.server.on("/2.1.1/sessions/NL/ADC/S1", Answer.ocpi("null"));
        peers.publish("locations", Sessions211Test.OUR_LOCATION);
        peers.publish("sessions", Sessions211Test.OUR_SESSION.formatted("S1", "2024-01-01T10:00:00Z"));
        peers.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocpi.commands.requested").process(e -> requested.add(e.copy())).setBody(constant("ACCEPTED"));
                from("direct:ocpi.commands.result").process(e -> results.add(e.copy()));
            }
        });
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    private static Reply command(String type, String body) {
        return peers.emsp.call("POST", peers.emsp.ours("commands") + "/" + type, body);
    }

    // --- 2.1 CPO interface: the adapter as CPO takes the scripted eMSP's commands --------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"START_SESSION", "STOP_SESSION", "RESERVE_NOW", "UNLOCK_CONNECTOR"})
    void aCommandIsAnsweredWithItsResultAloneAndItsOutcomePostedToTheResponseUrl(String type) throws Exception {
        String responseUrl = peers.emsp.server.url("/2.1.1/results/" + type);
        peers.emsp.server.on("/2.1.1/results/" + type, Answer.ocpi("null"));
        String body = switch (type) {
            case "START_SESSION" -> """
                    {"response_url": "%s", "token": %s, "location_id": "L1", "evse_uid": "E1"}""".formatted(responseUrl, TOKEN);
            case "STOP_SESSION" -> """
                    {"response_url": "%s", "session_id": "S1"}""".formatted(responseUrl);
            case "RESERVE_NOW" -> """
                    {"response_url": "%s", "token": %s, "expiry_date": "2030-01-01T00:00:00Z", "reservation_id": 42, "location_id": "L1",
                     "evse_uid": "E1"}""".formatted(responseUrl, TOKEN);
            default -> """
                    {"response_url": "%s", "location_id": "L1", "evse_uid": "E1", "connector_id": "1"}""".formatted(responseUrl);
        };
        Reply reply = command(type, body).assertStatus(200);
        assertThat(reply.ocpiStatus()).isEqualTo(1000);
        // mod_commands.md 3.1: a CommandResponse is its result.
        assertThat(reply.data()).isEqualTo(json("{\"result\": \"ACCEPTED\"}"));

        Exchange taken = requested.poll(10, TimeUnit.SECONDS);
        assertThat(taken).isNotNull();
        assertThat(taken.getIn().getHeader("OcpiCommand")).isEqualTo(type);
        JsonNode canonical = json(taken.getIn().getBody(String.class));
        if (type.equals("RESERVE_NOW")) {
            assertThat(canonical.get("reservation_id").asText()).isEqualTo("42");
        }
        if (type.equals("START_SESSION")) {
            assertThat(canonical.at("/token/contract_id").asText()).isEqualTo("DE8ACC12E46L89");
            assertThat(canonical.at("/token/party_id").asText()).isEqualTo("EMP");
        }

        peers.input("ocpi.commands.respond", "{\"result\": \"ACCEPTED\"}", Map.of("OcpiRequestId", taken.getIn().getHeader("OcpiRequestId")));
        FakePeer.Received result = peers.emsp.awaitReceived("/2.1.1/results/" + type, 1);
        assertThat(result.method()).isEqualTo("POST");
        assertThat(json(result.body())).isEqualTo(json("{\"result\": \"ACCEPTED\"}"));
    }

    @Test
    void anUnknownLocationIs2003AndAnUnknownSessionUnknownSession() {
        Reply unknownLocation = command("START_SESSION", """
                {"response_url": "%s", "token": %s, "location_id": "NOWHERE"}""".formatted(peers.emsp.server.url("/r"), TOKEN));
        assertThat(unknownLocation.status()).isEqualTo(200);
        // status_codes.md: 2003, unknown location.
        assertThat(unknownLocation.ocpiStatus()).isEqualTo(2003);
        assertThat(unknownLocation.data()).isEqualTo(json("{\"result\": \"REJECTED\"}"));

        Reply unknownSession = command("STOP_SESSION", "{\"response_url\": \"" + peers.emsp.server.url("/r") + "\", \"session_id\": \"NONE\"}");
        assertThat(unknownSession.assertStatus(200).data()).isEqualTo(json("{\"result\": \"UNKNOWN_SESSION\"}"));
    }

    @Test
    void aCommandLackingAFieldOrWithANon211ReservationIdIsRefusedNamingIt() {
        Reply missing = command("UNLOCK_CONNECTOR", "{\"response_url\": \"" + peers.emsp.server.url("/r") + "\", \"location_id\": \"L1\", \"evse_uid\": \"E1\"}");
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.ocpiStatus()).isEqualTo(2001);
        assertThat(missing.json().get("status_message").asText()).startsWith("connector_id: ");

        Reply noAuthId = command("START_SESSION", """
                {"response_url": "%s", "token": %s, "location_id": "L1"}""".formatted(peers.emsp.server.url("/r"),
                TOKEN.replace("\"auth_id\": \"DE8ACC12E46L89\", ", "")));
        assertThat(noAuthId.ocpiStatus()).isEqualTo(2001);
        assertThat(noAuthId.json().get("status_message").asText()).startsWith("token.auth_id: ");
    }

    @Test
    void cancelReservationIsNoCommandOf211() {
        Reply cancel = command("CANCEL_RESERVATION", "{\"response_url\": \"" + peers.emsp.server.url("/r") + "\", \"reservation_id\": \"42\"}");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.ocpiStatus()).isEqualTo(2000);
        assertThat(requested).isEmpty();
        assertThat(command("SELF_DESTRUCT", "{}").status()).isEqualTo(404);
        assertThat(peers.emsp.call("POST", peers.emsp.ours("commands") + "/UNLOCK_CONNECTOR", "{}", "wrong").status()).isEqualTo(401);
    }

    // --- The adapter as eMSP sends commands to the scripted CPO, and takes their outcome ------------------------

    @Test
    void weSendACommandIn211ShapeAndTakeItsOutcomeAtOurResponseUrl() {
        peers.cpo.server.on("/2.1.1/commands/START_SESSION", Answer.ocpi("{\"result\": \"ACCEPTED\"}"));
        Exchange sent = peers.input("ocpi.commands.send", """
                        {"token": {"country_code": "NL", "party_id": "ADE", "uid": "OURCARD", "type": "APP_USER", "contract_id": "NL-ADE-7",
                         "issuer": "Adapter eMSP", "valid": true, "whitelist": "ALLOWED", "last_updated": "2024-01-01T00:00:00Z"},
                         "location_id": "BL1", "evse_uid": "BE1", "connector_id": "1", "authorization_reference": "REF9"}""",
                Map.of("OcpiCommand", "START_SESSION", "OcpiCountryCode", "BE", "OcpiPartyId", "BEC"));
        String requestId = sent.getMessage().getHeader("OcpiRequestId", String.class);
        assertThat(json(sent.getMessage().getBody(String.class)).get("result").asText()).isEqualTo("ACCEPTED");

        FakePeer.Received command = peers.cpo.received("/2.1.1/commands/START_SESSION").get(0);
        JsonNode body = json(command.body());
        String responseUrl = body.get("response_url").asText();
        assertThat(responseUrl).isEqualTo(peers.adapter.baseUrl() + "/ocpi/emsp/2.1.1/commands/START_SESSION/" + requestId);
        // mod_commands.md 3.3: response_url, a 2.1.1 Token, location_id, evse_uid; nothing of 2.2.1.
        assertThat(body).isEqualTo(json("""
                {"response_url": "%s", "token": {"uid": "OURCARD", "type": "OTHER", "auth_id": "NL-ADE-7", "issuer": "Adapter eMSP",
                 "valid": true, "whitelist": "ALLOWED", "last_updated": "2024-01-01T00:00:00Z"}, "location_id": "BL1", "evse_uid": "BE1"}"""
                .formatted(responseUrl)));

        Reply result = peers.cpo.call("POST", responseUrl.substring(peers.adapter.baseUrl().length()), "{\"result\": \"ACCEPTED\"}");
        assertThat(result.assertStatus(200).ocpiStatus()).isEqualTo(1000);
        await().atMost(Duration.ofSeconds(10)).until(() -> !results.isEmpty());
        Exchange announced = results.poll();
        assertThat(announced.getIn().getHeader("OcpiRequestId")).isEqualTo(requestId);
        assertThat(json(announced.getIn().getBody(String.class)).get("result").asText()).isEqualTo("ACCEPTED");

        Reply unknown = peers.cpo.call("POST", "/ocpi/emsp/2.1.1/commands/START_SESSION/nope", "{\"result\": \"ACCEPTED\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
    }

    @Test
    void weDoNotSendCancelReservationToA211Cpo() {
        assertThatThrownBy(() -> peers.input("ocpi.commands.send", "{\"reservation_id\": \"42\"}",
                Map.of("OcpiCommand", "CANCEL_RESERVATION", "OcpiCountryCode", "BE", "OcpiPartyId", "BEC")))
                .hasMessageContaining("CANCEL_RESERVATION").hasMessageContaining("2.1.1");
        assertThat(peers.cpo.server.received("/2.1.1/commands/CANCEL_RESERVATION")).isEmpty();
    }
}
