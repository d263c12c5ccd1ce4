package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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

/** Charging profiles (rows 31 to 35): requests on our sessions with results at the peer's response URL, and back. */
class ChargingProfilesConformanceTest {

    static PeerPlatform platform;
    static final BlockingQueue<Exchange> requested = new LinkedBlockingQueue<>();
    static final BlockingQueue<Exchange> announced = new LinkedBlockingQueue<>();

    static final String PROFILE = """
            {"charging_rate_unit":"W","charging_profile_period":[{"start_period":0,"limit":11000.0}]}""";

    @BeforeAll
    static void start() throws Exception {
        platform = PeerPlatform.start("chargingprofiles");
        platform.publish("sessions", Samples.session("ADC", "S1", "PMS", "2024-01-01T10:00:00Z"));
        platform.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocpi.chargingprofiles.requested").process(requested::add).setBody(constant("ACCEPTED"));
                from("direct:ocpi.chargingprofiles.result").process(announced::add);
                from("direct:ocpi.chargingprofiles.active").process(announced::add);
            }
        });
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void setGetAndClearAreAnsweredAtOnceWithResultsLater() throws Exception {
        platform.peer.on("/profile-results/1", Answer.ocpi("null"));
        String responseUrl = platform.peer.url("/profile-results/1");
        Reply set = platform.call("PUT", "/ocpi/cpo/2.2.1/chargingprofiles/S1",
                "{\"charging_profile\":" + PROFILE + ",\"response_url\":\"" + responseUrl + "\"}");
        assertThat(set.assertStatus(200).data().get("result").asText()).isEqualTo("ACCEPTED");
        Exchange request = requested.poll(5, TimeUnit.SECONDS);
        assertThat(request.getIn().getHeader("OcpiOperation")).isEqualTo("SET");
        platform.input("ocpi.chargingprofiles.respond", "ACCEPTED", Map.of("OcpiRequestId", request.getIn().getHeader("OcpiRequestId")));
        FakePeer.Received setResult = platform.peer.received("/profile-results/1").get(0);
        assertThat(setResult.body()).contains("\"result\":\"ACCEPTED\"");
        // From the CPO that runs the session to the eMSP whose session it is, as a hub needs them to route the result.
        assertThat(setResult.header("OCPI-from-country-code")).isEqualTo("NL");
        assertThat(setResult.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(setResult.header("OCPI-to-country-code")).isEqualTo("NL");
        assertThat(setResult.header("OCPI-to-party-id")).isEqualTo("PMS");

        platform.peer.on("/profile-results/2", Answer.ocpi("null"));
        String encoded = java.net.URLEncoder.encode(platform.peer.url("/profile-results/2"), StandardCharsets.UTF_8);
        Reply get = platform.call("GET", "/ocpi/cpo/2.2.1/chargingprofiles/S1?duration=900&response_url=" + encoded, null);
        assertThat(get.assertStatus(200).data().get("result").asText()).isEqualTo("ACCEPTED");
        Exchange getRequest = requested.poll(5, TimeUnit.SECONDS);
        assertThat(getRequest.getIn().getHeader("OcpiDuration", Integer.class)).isEqualTo(900);
        platform.input("ocpi.chargingprofiles.respond", "{\"result\":\"ACCEPTED\",\"profile\":{\"start_date_time\":\"2024-01-01T10:00:00Z\","
                + "\"charging_profile\":" + PROFILE + "}}", Map.of("OcpiRequestId", getRequest.getIn().getHeader("OcpiRequestId")));
        assertThat(platform.peer.received("/profile-results/2").get(0).body()).contains("\"limit\":11000");

        Reply clear = platform.call("DELETE", "/ocpi/cpo/2.2.1/chargingprofiles/S1?response_url=" + encoded, null);
        assertThat(clear.assertStatus(200).data().get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(requested.poll(5, TimeUnit.SECONDS).getIn().getHeader("OcpiOperation")).isEqualTo("CLEAR");
    }

    @Test
    void unknownSessionsAndMissingParametersAreRefused() {
        assertThat(platform.call("DELETE", "/ocpi/cpo/2.2.1/chargingprofiles/NOPE?response_url=http%3A%2F%2Flocalhost%2Fr", null)
                .assertStatus(200).data().get("result").asText()).isEqualTo("UNKNOWN_SESSION");
        Reply noDuration = platform.call("GET", "/ocpi/cpo/2.2.1/chargingprofiles/S1?response_url=http%3A%2F%2Flocalhost%2Fr", null);
        assertThat(noDuration.status()).isEqualTo(200);
        assertThat(noDuration.ocpiStatus()).isEqualTo(2001);
        assertThat(noDuration.json().get("status_message").asText()).isEqualTo("duration: missing");
        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/chargingprofiles/S1?duration=60", null).json().get("status_message").asText())
                .isEqualTo("response_url: missing");
        Reply badProfile = platform.call("PUT", "/ocpi/cpo/2.2.1/chargingprofiles/S1", "{\"charging_profile\":{\"charging_rate_unit\":\"kW\"},"
                + "\"response_url\":\"http://localhost/r\"}");
        assertThat(badProfile.status()).isEqualTo(200);
        assertThat(badProfile.ocpiStatus()).isEqualTo(2001);
        assertThat(badProfile.json().get("status_message").asText()).startsWith("charging_profile.charging_rate_unit: unknown value 'kW'");
        Map<String, String> auth = Map.of("Authorization", "Token " + AdapterInstance.base64(platform.token));
        assertThat(AdapterInstance.send("POST", platform.adapter.baseUrl() + "/ocpi/emsp/2.2.1/chargingprofiles/results/nope", auth,
                Map.of("result", "ACCEPTED")).status()).isEqualTo(404);
        assertThat(AdapterInstance.send("PUT", platform.adapter.baseUrl() + "/ocpi/emsp/2.2.1/chargingprofiles/S1", auth,
                Map.of("start_date_time", "2024-01-01T10:00:00Z")).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void activeProfilesGoToTheSessionsEmsp() throws Exception {
        platform.peer.on("/2.2.1/chargingprofiles/S1", Answer.ocpi("null"));
        platform.input("ocpi.chargingprofiles.push-active", "{\"start_date_time\":\"2024-01-01T10:00:00Z\",\"charging_profile\":" + PROFILE + "}",
                Map.of("OcpiObjectId", "S1"));
        FakePeer.Received pushed = platform.peer.received("/2.2.1/chargingprofiles/S1").get(0);
        assertThat(pushed.method()).isEqualTo("PUT");
        assertThat(pushed.header("OCPI-to-party-id")).isEqualTo("PMS");
        assertThat(AdapterInstance.JSON.readTree(pushed.body()).get("charging_profile").get("charging_rate_unit").asText()).isEqualTo("W");
    }

    @Test
    void weAskTheCposAndTakeTheirAnswersAndPushes() throws Exception {
        platform.peer.on("/2.2.1/receiver/chargingprofiles/THEIR-S", Answer.ocpi("{\"result\":\"ACCEPTED\",\"timeout\":30}"));
        Exchange sent = platform.input("ocpi.chargingprofiles.send", PROFILE, Map.of("OcpiOperation", "SET", "OcpiObjectId", "THEIR-S",
                "OcpiCountryCode", "NL", "OcpiPartyId", "PCP"));
        String requestId = sent.getMessage().getHeader("OcpiRequestId", String.class);
        JsonNode request = AdapterInstance.JSON.readTree(platform.peer.received("/2.2.1/receiver/chargingprofiles/THEIR-S").get(0).body());
        String responseUrl = request.get("response_url").asText();
        assertThat(responseUrl).endsWith("/ocpi/emsp/2.2.1/chargingprofiles/results/" + requestId);

        Map<String, String> auth = Map.of("Authorization", "Token " + AdapterInstance.base64(platform.token));
        AdapterInstance.send("POST", responseUrl, auth, Map.of("result", "ACCEPTED")).assertStatus(200);
        assertThat(announced.poll(5, TimeUnit.SECONDS).getIn().getHeader("OcpiRequestId")).isEqualTo(requestId);

        AdapterInstance.send("PUT", platform.adapter.baseUrl() + "/ocpi/emsp/2.2.1/chargingprofiles/THEIR-S", auth,
                "{\"start_date_time\":\"2024-01-01T10:00:00Z\",\"charging_profile\":" + PROFILE + "}").assertStatus(200);
        Exchange active = announced.poll(5, TimeUnit.SECONDS);
        assertThat(active.getIn().getHeader("OcpiObjectId")).isEqualTo("THEIR-S");
        assertThat(URLDecoder.decode(responseUrl, StandardCharsets.UTF_8)).isEqualTo(responseUrl);
    }

    @Test
    void aChargingProfileResponseWrappedInAOneElementArrayIsTaken() {
        platform.peer.on("/2.2.1/receiver/chargingprofiles/WRAPPED-S", Answer.ocpi("[{\"result\":\"REJECTED\",\"timeout\":30}]"));
        Exchange sent = platform.input("ocpi.chargingprofiles.send", PROFILE, Map.of("OcpiOperation", "SET", "OcpiObjectId", "WRAPPED-S",
                "OcpiCountryCode", "NL", "OcpiPartyId", "PCP"));
        assertThat(sent.getMessage().getBody(String.class)).contains("\"result\":\"REJECTED\"");
    }
}
