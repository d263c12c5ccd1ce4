package io.ocpi.adapter.versions.v230;

import static io.ocpi.adapter.support.Spec230.json;
import static io.ocpi.adapter.versions.v230.Peer230.cpo;
import static io.ocpi.adapter.versions.v230.Peer230.emsp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer.Received;
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
 * mod_commands.asciidoc of 2.3.0 with a 2.3.0 peer, every CommandType in both roles: the peer's eMSP sends us each
 * command and gets its CommandResult at its response_url; we send each command to the peer's CPO and take its
 * CommandResult at ours. Bodies as the 2.3.0 text writes them (a START_SESSION's token of type EMAID).
 */
class Commands230Test {

    static Peer230 peer;
    static final BlockingQueue<Exchange> requested = new LinkedBlockingQueue<>();
    static final BlockingQueue<Exchange> results = new LinkedBlockingQueue<>();

    static final String TOKEN = """
            {"country_code":"NL","party_id":"PMS","uid":"NL-PMS-C1234","type":"EMAID","contract_id":"NL-PMS-C1234","issuer":"Peer eMSP",
             "valid":true,"whitelist":"ALLOWED","last_updated":"2024-01-01T00:00:00Z"}""";

    /** The body of each command the peer sends us, without its response_url. */
    static final Map<String, String> TO_US = Map.of(
            "START_SESSION", "{\"token\":" + TOKEN + ",\"location_id\":\"LOC1\",\"evse_uid\":\"EVSE1\",\"connector_id\":\"1\","
                    + "\"authorization_reference\":\"AUTH-1\"",
            "STOP_SESSION", "{\"session_id\":\"S1\"",
            "RESERVE_NOW", "{\"token\":" + TOKEN + ",\"expiry_date\":\"2030-01-01T00:00:00Z\",\"reservation_id\":\"R1\",\"location_id\":\"LOC1\","
                    + "\"evse_uid\":\"EVSE1\"",
            "CANCEL_RESERVATION", "{\"reservation_id\":\"R1\"",
            "UNLOCK_CONNECTOR", "{\"location_id\":\"LOC1\",\"evse_uid\":\"EVSE1\",\"connector_id\":\"1\"");

    @BeforeAll
    static void start() throws Exception {
        peer = Peer230.start("commands230", Map.of("ocpi.result-timeout", "3s", "ocpi.result-sweep-interval", "500"));
        peer.publish("locations", """
                {"country_code":"NL","party_id":"ADC","id":"LOC1","publish":true,"address":"Stationsplein 1","city":"Utrecht",
                 "country":"NLD","coordinates":{"latitude":"52.089444","longitude":"5.110278"},"time_zone":"Europe/Amsterdam",
                 "evses":[{"uid":"EVSE1","status":"AVAILABLE","capabilities":["RESERVABLE","REMOTE_START_STOP_CAPABLE"],
                 "connectors":[{"id":"1","standard":"IEC_62196_T2","format":"SOCKET",
                 "power_type":"AC_3_PHASE","max_voltage":230,"max_amperage":32,"last_updated":"2024-01-01T00:00:00Z"}],
                 "last_updated":"2024-01-01T00:00:00Z"}],"last_updated":"2024-01-01T00:00:00Z"}""");
        peer.publish("sessions", """
                {"country_code":"NL","party_id":"ADC","id":"S1","start_date_time":"2024-01-01T10:00:00Z","kwh":0,
                 "cdr_token":{"country_code":"NL","party_id":"PMS","uid":"NL-PMS-C1234","type":"EMAID","contract_id":"NL-PMS-C1234"},
                 "auth_method":"WHITELIST","location_id":"LOC1","evse_uid":"EVSE1","connector_id":"1","currency":"EUR",
                 "status":"ACTIVE","last_updated":"2024-01-01T10:00:00Z"}""");
        peer.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocpi.commands.requested").process(requested::add).setBody(constant("ACCEPTED"));
                from("direct:ocpi.commands.result").process(results::add);
            }
        });
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    // --- Our Receiver --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"START_SESSION", "STOP_SESSION", "RESERVE_NOW", "CANCEL_RESERVATION", "UNLOCK_CONNECTOR"})
    void thePeerSendsUsACommandAndGetsItsResultAtItsResponseUrl(String command) throws Exception {
        String resultPath = "/2.3.0/results/" + command;
        peer.answer(resultPath, "null");
        requested.clear();
        Reply reply = peer.call("POST", cpo("commands/" + command),
                TO_US.get(command) + ",\"response_url\":\"" + peer.server.url(resultPath) + "\",\"x_vendor\":1}",
                Peer230.PEER_EMSP, Peer230.OUR_CPO);
        reply.assertStatus(200);
        assertThat(reply.ocpiStatus()).isEqualTo(1000);
        assertThat(reply.data().get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.data().get("timeout").asInt()).isEqualTo(3);
        assertThat(reply.header("OCPI-to-party-id")).isEqualTo("PMS");

        Exchange taken = requested.poll(10, TimeUnit.SECONDS);
        assertThat(taken).isNotNull();
        assertThat(taken.getIn().getHeader("OcpiCommand")).isEqualTo(command);
        String requestId = taken.getIn().getHeader("OcpiRequestId", String.class);
        peer.input("ocpi.commands.respond", "{\"result\":\"ACCEPTED\",\"message\":[{\"language\":\"en\",\"text\":\"Done\"}]}",
                Map.of("OcpiRequestId", requestId));

        Received result = peer.awaitReceived("POST", resultPath);
        JsonNode body = json(result.body());
        assertThat(body.get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(body.at("/message/0/text").asText()).isEqualTo("Done");
        assertThat(result.header("Authorization")).isEqualTo("Token " + io.ocpi.adapter.support.AdapterInstance.base64(peer.tokenB));
        assertThat(result.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(result.header("OCPI-to-country-code")).isEqualTo("NL");
        assertThat(result.header("OCPI-to-party-id")).isEqualTo("PMS");
    }

    @Test
    void aCommandWithoutOutcomeTimesOutAtTheResponseUrl() {
        String resultPath = "/2.3.0/results/timeout";
        peer.answer(resultPath, "null");
        Reply reply = peer.call("POST", cpo("commands/UNLOCK_CONNECTOR"),
                TO_US.get("UNLOCK_CONNECTOR") + ",\"response_url\":\"" + peer.server.url(resultPath) + "\"}");
        assertThat(reply.assertStatus(200).data().get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(json(peer.awaitReceived("POST", resultPath).body()).get("result").asText()).isEqualTo("TIMEOUT");
    }

    @Test
    void commandsWeCannotCarryOutAreRefusedAsTheTextSays() {
        String responseUrl = ",\"response_url\":\"" + peer.server.url("/2.3.0/results/refused") + "\"}";
        Reply unknownLocation = peer.call("POST", cpo("commands/START_SESSION"), TO_US.get("START_SESSION").replace("LOC1", "NOWHERE") + responseUrl);
        assertThat(unknownLocation.status()).isEqualTo(200);
        assertThat(unknownLocation.ocpiStatus()).isEqualTo(2003);
        assertThat(unknownLocation.data().get("result").asText()).isEqualTo("REJECTED");

        Reply unknownSession = peer.call("POST", cpo("commands/STOP_SESSION"), "{\"session_id\":\"NONE\"" + responseUrl);
        assertThat(unknownSession.assertStatus(200).data().get("result").asText()).isEqualTo("UNKNOWN_SESSION");

        Reply unknownCommand = peer.call("POST", cpo("commands/SELF_DESTRUCT"), "{}");
        assertThat(unknownCommand.status()).isEqualTo(404);

        Reply missing = peer.call("POST", cpo("commands/RESERVE_NOW"), TO_US.get("RESERVE_NOW").replace("\"reservation_id\":\"R1\",", "") + responseUrl);
        assertThat(missing.ocpiStatus()).isEqualTo(2001);
        assertThat(missing.json().get("status_message").asText()).isEqualTo("reservation_id: must not be null");
        Reply noResponseUrl = peer.call("POST", cpo("commands/CANCEL_RESERVATION"), TO_US.get("CANCEL_RESERVATION") + "}");
        assertThat(noResponseUrl.ocpiStatus()).isEqualTo(2001);
        assertThat(noResponseUrl.json().get("status_message").asText()).isEqualTo("response_url: must not be null");
        Reply tokenWithoutUid = peer.call("POST", cpo("commands/START_SESSION"),
                TO_US.get("START_SESSION").replace("\"uid\":\"NL-PMS-C1234\",", "") + responseUrl);
        assertThat(tokenWithoutUid.ocpiStatus()).isEqualTo(2001);
        assertThat(tokenWithoutUid.json().get("status_message").asText()).isEqualTo("token.uid: must not be null");
    }

    // --- Our Sender ----------------------------------------------------------------------------------------------

    static final String OUR_TOKEN = """
            {"country_code":"NL","party_id":"ADE","uid":"OURTOKEN","type":"RFID","contract_id":"NL-ADE-1","issuer":"Us",
             "valid":true,"whitelist":"ALWAYS","last_updated":"2024-01-01T00:00:00Z"}""";

    /** The body of each command we send the peer's CPO, as our enterprise side gives it. */
    static final Map<String, String> TO_THE_PEER = Map.of(
            "START_SESSION", "{\"token\":" + OUR_TOKEN + ",\"location_id\":\"THEIRLOC\",\"evse_uid\":\"E1\"}",
            "STOP_SESSION", "{\"session_id\":\"THEIR-SESSION\"}",
            "RESERVE_NOW", "{\"token\":" + OUR_TOKEN + ",\"expiry_date\":\"2030-01-01T00:00:00Z\",\"reservation_id\":\"R2\",\"location_id\":\"THEIRLOC\"}",
            "CANCEL_RESERVATION", "{\"reservation_id\":\"R2\"}",
            "UNLOCK_CONNECTOR", "{\"location_id\":\"THEIRLOC\",\"evse_uid\":\"E1\",\"connector_id\":\"1\"}");

    @ParameterizedTest
    @ValueSource(strings = {"START_SESSION", "STOP_SESSION", "RESERVE_NOW", "CANCEL_RESERVATION", "UNLOCK_CONNECTOR"})
    void weSendThePeerACommandAndTakeItsResultAtOurResponseUrl(String command) throws Exception {
        String path = "/2.3.0/receiver/commands/" + command;
        peer.answer(path, "{\"result\":\"ACCEPTED\",\"timeout\":30,\"message\":[{\"language\":\"nl\",\"text\":\"Bezig\"}]}");
        results.clear();
        Exchange sent = peer.input("ocpi.commands.send", TO_THE_PEER.get(command),
                Map.of("OcpiCommand", command, "OcpiCountryCode", "NL", "OcpiPartyId", "PCP"));
        assertThat(json(sent.getMessage().getBody(String.class)).get("result").asText()).isEqualTo("ACCEPTED");
        String requestId = sent.getMessage().getHeader("OcpiRequestId", String.class);

        Received request = peer.awaitReceived("POST", path);
        JsonNode body = json(request.body());
        String responseUrl = body.get("response_url").asText();
        assertThat(responseUrl).isEqualTo(peer.adapter.baseUrl() + emsp("commands/" + command + "/" + requestId));
        json(TO_THE_PEER.get(command)).fields().forEachRemaining(field ->
                assertThat(body.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue()));
        assertThat(request.header("OCPI-from-party-id")).isEqualTo("ADE");
        assertThat(request.header("OCPI-to-party-id")).isEqualTo("PCP");

        Reply taken = peer.call("POST", responseUrl.substring(peer.adapter.baseUrl().length()),
                "{\"result\":\"EVSE_OCCUPIED\",\"x_vendor\":1}", Peer230.PEER_CPO, Peer230.OUR_EMSP);
        taken.assertStatus(200);
        assertThat(taken.ocpiStatus()).isEqualTo(1000);
        Exchange announced = results.poll(10, TimeUnit.SECONDS);
        assertThat(announced).isNotNull();
        assertThat(announced.getIn().getHeader("OcpiRequestId")).isEqualTo(requestId);
        assertThat(announced.getIn().getBody(String.class)).contains("EVSE_OCCUPIED");
    }

    @Test
    void aResultForNoCommandOfOursOrWithoutResultIsRefused() {
        Reply unknown = peer.call("POST", emsp("commands/START_SESSION/no-such-request"), "{\"result\":\"ACCEPTED\"}");
        assertThat(unknown.status()).isEqualTo(404);
        Reply badResult = peer.call("POST", emsp("commands/START_SESSION/no-such-request"), "{\"result\":\"MAYBE\"}");
        assertThat(badResult.ocpiStatus()).isIn(2000, 2001);
    }
}
