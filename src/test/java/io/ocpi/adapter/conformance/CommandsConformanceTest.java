package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commands (rows 29 and 30 of the endpoint list): the peer, as an eMSP, sends us commands and gets their outcome at
 * its response URL; we, as an eMSP, send commands to the peer's CPO and take their outcome at ours.
 */
class CommandsConformanceTest {

    static PeerPlatform platform;
    static final BlockingQueue<Exchange> requested = new LinkedBlockingQueue<>();
    static final BlockingQueue<Exchange> results = new LinkedBlockingQueue<>();

    static final String LOCATION = """
            {"country_code":"NL","party_id":"ADC","id":"LOC1","publish":true,"address":"Stationsplein 1","city":"Utrecht",
             "country":"NLD","coordinates":{"latitude":"52.089444","longitude":"5.110278"},"time_zone":"Europe/Amsterdam",
             "evses":[{"uid":"EVSE1","status":"AVAILABLE","connectors":[{"id":"1","standard":"IEC_62196_T2","format":"SOCKET",
             "power_type":"AC_3_PHASE","max_voltage":230,"max_amperage":32,"last_updated":"2024-01-01T00:00:00Z"}],
             "last_updated":"2024-01-01T00:00:00Z"}],"last_updated":"2024-01-01T00:00:00Z"}""";

    @BeforeAll
    static void start() throws Exception {
        platform = PeerPlatform.start("commands", Map.of("ocpi.result-timeout", "2s", "ocpi.result-sweep-interval", "500"));
        platform.publish("locations", LOCATION);
        // The charge point system: takes the commands the adapter announces, and the results of those we send.
        platform.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocpi.commands.requested").process(requested::add).setBody(constant("ACCEPTED"));
                from("direct:ocpi.commands.result").process(results::add);
            }
        });
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Map<String, Object> startSession(String responseUrl, String location) {
        return Map.of("response_url", responseUrl, "location_id", location, "evse_uid", "EVSE1",
                "token", Map.of("country_code", "NL", "party_id", "PMS", "uid", "TOKEN1", "type", "RFID", "contract_id", "NL-PMS-C1",
                        "issuer", "Peer", "valid", true, "whitelist", "ALWAYS", "last_updated", "2024-01-01T00:00:00Z"));
    }

    @Test
    void aCommandIsAnsweredAtOnceAndItsOutcomeReachesTheResponseUrl() throws Exception {
        platform.peer.on("/results/start-1", Answer.ocpi("null"));
        Reply reply = platform.call("POST", "/ocpi/cpo/2.2.1/commands/START_SESSION", startSession(platform.peer.url("/results/start-1"), "LOC1"),
                Map.of("OCPI-from-country-code", "NL", "OCPI-from-party-id", "PMS", "OCPI-to-country-code", "NL", "OCPI-to-party-id", "ADC"));
        reply.assertStatus(200);
        assertThat(reply.data().get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.data().get("timeout").asInt()).isEqualTo(2);
        assertThat(reply.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(reply.header("OCPI-to-party-id")).isEqualTo("PMS");

        Exchange command = requested.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(command).isNotNull();
        assertThat(command.getIn().getHeader("OcpiCommand")).isEqualTo("START_SESSION");
        String requestId = command.getIn().getHeader("OcpiRequestId", String.class);

        platform.input("ocpi.commands.respond", "{\"result\":\"ACCEPTED\"}", Map.of("OcpiRequestId", requestId));
        List<FakePeer.Received> posted = platform.peer.received("/results/start-1");
        assertThat(posted).hasSize(1);
        assertThat(AdapterInstance.JSON.readTree(posted.get(0).body()).get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(posted.get(0).header("Authorization")).isEqualTo("Token " + AdapterInstance.base64("peer-token-b"));
        // A result is a request of its own: from the party that took the command to the party that sent it.
        assertThat(posted.get(0).header("OCPI-from-country-code")).isEqualTo("NL");
        assertThat(posted.get(0).header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(posted.get(0).header("OCPI-to-country-code")).isEqualTo("NL");
        assertThat(posted.get(0).header("OCPI-to-party-id")).isEqualTo("PMS");
    }

    @Test
    void aCommandWithoutOutcomeTimesOut() {
        platform.peer.on("/results/stop-1", Answer.ocpi("null"));
        platform.publish("sessions", """
                {"country_code":"NL","party_id":"ADC","id":"S1","start_date_time":"2024-01-01T10:00:00Z","kwh":0,
                 "cdr_token":{"country_code":"NL","party_id":"PMS","uid":"TOKEN1","type":"RFID","contract_id":"NL-PMS-C1"},
                 "auth_method":"WHITELIST","location_id":"LOC1","evse_uid":"EVSE1","connector_id":"1","currency":"EUR",
                 "status":"ACTIVE","last_updated":"2024-01-01T10:00:00Z"}""");
        Reply reply = platform.call("POST", "/ocpi/cpo/2.2.1/commands/STOP_SESSION",
                Map.of("response_url", platform.peer.url("/results/stop-1"), "session_id", "S1"));
        assertThat(reply.assertStatus(200).data().get("result").asText()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.peer.received("/results/stop-1").size() == 1);
        FakePeer.Received timeout = platform.peer.received("/results/stop-1").get(0);
        assertThat(timeout.body()).contains("\"TIMEOUT\"");
        // Sent without routing headers: the result goes to the eMSP whose session it is.
        assertThat(timeout.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(timeout.header("OCPI-to-country-code")).isEqualTo("NL");
        assertThat(timeout.header("OCPI-to-party-id")).isEqualTo("PMS");
    }

    @Test
    void unknownLocationsSessionsAndCommandsAreRefused() {
        Reply unknownLocation = platform.call("POST", "/ocpi/cpo/2.2.1/commands/START_SESSION", startSession(platform.peer.url("/r"), "NOWHERE"));
        assertThat(unknownLocation.status()).isEqualTo(200);
        assertThat(unknownLocation.ocpiStatus()).isEqualTo(2003);
        assertThat(unknownLocation.data().get("result").asText()).isEqualTo("REJECTED");

        Reply unknownSession = platform.call("POST", "/ocpi/cpo/2.2.1/commands/STOP_SESSION", Map.of("response_url", platform.peer.url("/r"), "session_id", "NONE"));
        assertThat(unknownSession.assertStatus(200).data().get("result").asText()).isEqualTo("UNKNOWN_SESSION");

        assertThat(platform.call("POST", "/ocpi/cpo/2.2.1/commands/SELF_DESTRUCT", Map.of()).status()).isEqualTo(404);
        Reply missing = platform.call("POST", "/ocpi/cpo/2.2.1/commands/UNLOCK_CONNECTOR", Map.of("response_url", platform.peer.url("/r")));
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.ocpiStatus()).isEqualTo(2001);
        assertThat(missing.json().get("status_message").asText()).contains("location_id: must not be null");
    }

    @Test
    void weSendACommandAndTakeItsOutcomeAtOurResponseUrl() throws Exception {
        platform.peer.on("/2.2.1/receiver/commands/RESERVE_NOW",
                Answer.ocpi("{\"result\":\"ACCEPTED\",\"timeout\":30}"));
        Exchange sent = platform.input("ocpi.commands.send", AdapterInstance.JSON.writeValueAsString(Map.of(
                        "token", Map.of("country_code", "NL", "party_id", "ADE", "uid", "OURTOKEN", "type", "RFID", "contract_id", "NL-ADE-1",
                                "issuer", "Us", "valid", true, "whitelist", "ALWAYS", "last_updated", "2024-01-01T00:00:00Z"),
                        "expiry_date", "2030-01-01T00:00:00Z", "reservation_id", "R1", "location_id", "THEIRLOC")),
                Map.of("OcpiCommand", "RESERVE_NOW", "OcpiCountryCode", "NL", "OcpiPartyId", "PCP"));
        String requestId = sent.getMessage().getHeader("OcpiRequestId", String.class);
        assertThat(sent.getMessage().getBody(String.class)).contains("\"result\":\"ACCEPTED\"");

        FakePeer.Received command = platform.peer.received("/2.2.1/receiver/commands/RESERVE_NOW").get(0);
        JsonNode body = AdapterInstance.JSON.readTree(command.body());
        String responseUrl = body.get("response_url").asText();
        assertThat(responseUrl).isEqualTo(platform.adapter.baseUrl() + "/ocpi/emsp/2.2.1/commands/RESERVE_NOW/" + requestId);
        assertThat(command.header("OCPI-from-party-id")).isEqualTo("ADE");
        assertThat(command.header("OCPI-to-party-id")).isEqualTo("PCP");

        Reply result = AdapterInstance.send("POST", responseUrl, Map.of("Authorization", "Token " + AdapterInstance.base64(platform.token)),
                Map.of("result", "ACCEPTED"));
        result.assertStatus(200);
        Exchange announced = results.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(announced).isNotNull();
        assertThat(announced.getIn().getHeader("OcpiRequestId")).isEqualTo(requestId);

        Reply unknown = AdapterInstance.send("POST", platform.adapter.baseUrl() + "/ocpi/emsp/2.2.1/commands/RESERVE_NOW/nope",
                Map.of("Authorization", "Token " + AdapterInstance.base64(platform.token)), Map.of("result", "ACCEPTED"));
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aCommandResponseWrappedInAOneElementArrayIsTaken() throws Exception {
        platform.peer.on("/2.2.1/receiver/commands/UNLOCK_CONNECTOR", Answer.ocpi("[{\"result\":\"REJECTED\",\"timeout\":30}]"));
        Exchange sent = platform.input("ocpi.commands.send", AdapterInstance.JSON.writeValueAsString(Map.of(
                        "location_id", "THEIRLOC", "evse_uid", "E1", "connector_id", "1")),
                Map.of("OcpiCommand", "UNLOCK_CONNECTOR", "OcpiCountryCode", "NL", "OcpiPartyId", "PCP"));
        assertThat(sent.getMessage().getBody(String.class)).contains("\"result\":\"REJECTED\"");
    }
}
