package io.ocpi.adapter.versions.v230;

import static io.ocpi.adapter.support.Spec230.json;
import static io.ocpi.adapter.versions.v230.Peer230.cpo;
import static io.ocpi.adapter.versions.v230.Peer230.emsp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer.Received;
import java.net.URLEncoder;
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

/**
 * mod_charging_profiles.asciidoc of 2.3.0 with a 2.3.0 peer: the peer's eMSP sets, gets and clears the charging
 * profile of one of our sessions and gets each result at its response_url; we ask the peer's CPO the same and take
 * its asynchronous results and its pushes of active profiles; and we push our active profiles to the peer's Sender.
 */
class ChargingProfiles230Test {

    static Peer230 peer;
    static final BlockingQueue<Exchange> requested = new LinkedBlockingQueue<>();
    static final BlockingQueue<Exchange> announced = new LinkedBlockingQueue<>();

    static final String PROFILE = """
            {"start_date_time":"2024-01-01T10:00:00Z","duration":3600,"charging_rate_unit":"W","min_charging_rate":1000.0,
             "charging_profile_period":[{"start_period":0,"limit":11000.0},{"start_period":1800,"limit":7400.0}]}""";

    @BeforeAll
    static void start() throws Exception {
        peer = Peer230.start("chargingprofiles230");
        peer.publish("sessions", """
                {"country_code":"NL","party_id":"ADC","id":"S1","start_date_time":"2024-01-01T10:00:00Z","kwh":0,
                 "cdr_token":{"country_code":"NL","party_id":"PMS","uid":"T1","type":"RFID","contract_id":"NL-PMS-1"},
                 "auth_method":"WHITELIST","location_id":"LOC1","evse_uid":"EVSE1","connector_id":"1","currency":"EUR",
                 "status":"ACTIVE","last_updated":"2024-01-01T10:00:00Z"}""");
        peer.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
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
        peer.close();
    }

    static String encoded(String url) {
        return URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    // --- Our Receiver --------------------------------------------------------------------------------------------

    @Test
    void thePeerSetsGetsAndClearsAProfileAndGetsEachResultAtItsResponseUrl() throws Exception {
        String setResults = "/2.3.0/profile-results/set";
        peer.answer(setResults, "null");
        Reply set = peer.call("PUT", cpo("chargingprofiles/S1"), "{\"charging_profile\":" + PROFILE + ",\"response_url\":\""
                + peer.server.url(setResults) + "\",\"x_vendor\":1}", Peer230.PEER_EMSP, Peer230.OUR_CPO);
        assertThat(set.assertStatus(200).data().get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(set.data().get("timeout").isInt()).isTrue();
        Exchange setRequest = requested.poll(10, TimeUnit.SECONDS);
        assertThat(setRequest.getIn().getHeader("OcpiOperation")).isEqualTo("SET");
        peer.input("ocpi.chargingprofiles.respond", "ACCEPTED", Map.of("OcpiRequestId", setRequest.getIn().getHeader("OcpiRequestId")));
        Received setResult = peer.awaitReceived("POST", setResults);
        assertThat(json(setResult.body()).get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(setResult.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(setResult.header("OCPI-to-party-id")).isEqualTo("PMS");

        String getResults = "/2.3.0/profile-results/get";
        peer.answer(getResults, "null");
        Reply get = peer.call("GET", cpo("chargingprofiles/S1") + "?duration=900&response_url=" + encoded(peer.server.url(getResults)), null);
        assertThat(get.assertStatus(200).data().get("result").asText()).isEqualTo("ACCEPTED");
        Exchange getRequest = requested.poll(10, TimeUnit.SECONDS);
        assertThat(getRequest.getIn().getHeader("OcpiDuration", Integer.class)).isEqualTo(900);
        peer.input("ocpi.chargingprofiles.respond", "{\"result\":\"ACCEPTED\",\"profile\":{\"start_date_time\":\"2024-01-01T10:00:00Z\","
                + "\"charging_profile\":" + PROFILE + "}}", Map.of("OcpiRequestId", getRequest.getIn().getHeader("OcpiRequestId")));
        JsonNode activeResult = json(peer.awaitReceived("POST", getResults).body());
        assertThat(activeResult.get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(activeResult.at("/profile/charging_profile")).isEqualTo(json(PROFILE));

        String clearResults = "/2.3.0/profile-results/clear";
        peer.answer(clearResults, "null");
        Reply clear = peer.call("DELETE", cpo("chargingprofiles/S1") + "?response_url=" + encoded(peer.server.url(clearResults)), null);
        assertThat(clear.assertStatus(200).data().get("result").asText()).isEqualTo("ACCEPTED");
        Exchange clearRequest = requested.poll(10, TimeUnit.SECONDS);
        assertThat(clearRequest.getIn().getHeader("OcpiOperation")).isEqualTo("CLEAR");
        peer.input("ocpi.chargingprofiles.respond", "ACCEPTED", Map.of("OcpiRequestId", clearRequest.getIn().getHeader("OcpiRequestId")));
        assertThat(json(peer.awaitReceived("POST", clearResults).body()).get("result").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void unknownSessionsAndMissingOrWrongParametersAreRefused() {
        assertThat(peer.call("DELETE", cpo("chargingprofiles/NOPE") + "?response_url=" + encoded(peer.server.url("/r")), null)
                .assertStatus(200).data().get("result").asText()).isEqualTo("UNKNOWN_SESSION");
        Reply noDuration = peer.call("GET", cpo("chargingprofiles/S1") + "?response_url=" + encoded(peer.server.url("/r")), null);
        assertThat(noDuration.ocpiStatus()).isEqualTo(2001);
        assertThat(noDuration.json().get("status_message").asText()).isEqualTo("duration: missing");
        Reply noResponseUrl = peer.call("GET", cpo("chargingprofiles/S1") + "?duration=60", null);
        assertThat(noResponseUrl.json().get("status_message").asText()).isEqualTo("response_url: missing");
        Reply badUnit = peer.call("PUT", cpo("chargingprofiles/S1"), "{\"charging_profile\":{\"charging_rate_unit\":\"kW\"},"
                + "\"response_url\":\"" + peer.server.url("/r") + "\"}");
        assertThat(badUnit.ocpiStatus()).isEqualTo(2001);
        assertThat(badUnit.json().get("status_message").asText()).startsWith("charging_profile.charging_rate_unit: unknown value 'kW'");
        Reply noProfile = peer.call("PUT", cpo("chargingprofiles/S1"), "{\"response_url\":\"" + peer.server.url("/r") + "\"}");
        assertThat(noProfile.ocpiStatus()).isEqualTo(2001);
        assertThat(noProfile.json().get("status_message").asText()).isEqualTo("charging_profile: must not be null");
    }

    @Test
    void ourActiveProfileIsPutToThePeersSender() {
        String path = "/2.3.0/chargingprofiles/S1";
        peer.answer(path, "null");
        peer.input("ocpi.chargingprofiles.push-active", "{\"start_date_time\":\"2024-01-01T10:00:00Z\",\"charging_profile\":" + PROFILE + "}",
                Map.of("OcpiObjectId", "S1"));
        Received pushed = peer.awaitReceived("PUT", path);
        assertThat(json(pushed.body()).get("charging_profile")).isEqualTo(json(PROFILE));
        assertThat(pushed.header("OCPI-to-party-id")).isEqualTo("PMS");
    }

    // --- Our Sender ----------------------------------------------------------------------------------------------

    @Test
    void weAskThePeersCpoAndTakeItsResultsAndActiveProfiles() throws Exception {
        String path = "/2.3.0/receiver/chargingprofiles/THEIR-S";
        peer.answer(path, "{\"result\":\"ACCEPTED\",\"timeout\":30}");
        announced.clear();
        Exchange sent = peer.input("ocpi.chargingprofiles.send", PROFILE, Map.of("OcpiOperation", "SET", "OcpiObjectId", "THEIR-S",
                "OcpiCountryCode", "NL", "OcpiPartyId", "PCP"));
        String requestId = sent.getMessage().getHeader("OcpiRequestId", String.class);
        Received request = peer.awaitReceived("PUT", path);
        JsonNode body = json(request.body());
        assertThat(body.get("charging_profile")).isEqualTo(json(PROFILE));
        String responseUrl = body.get("response_url").asText();
        assertThat(responseUrl).isEqualTo(peer.adapter.baseUrl() + emsp("chargingprofiles/results/" + requestId));
        assertThat(request.header("OCPI-to-party-id")).isEqualTo("PCP");

        peer.call("POST", responseUrl.substring(peer.adapter.baseUrl().length()), "{\"result\":\"REJECTED\",\"x_vendor\":1}",
                Peer230.PEER_CPO, Peer230.OUR_EMSP).assertStatus(200);
        Exchange result = announced.poll(10, TimeUnit.SECONDS);
        assertThat(result.getIn().getHeader("OcpiRequestId")).isEqualTo(requestId);

        peer.call("PUT", emsp("chargingprofiles/THEIR-S"), "{\"start_date_time\":\"2024-01-01T10:00:00Z\",\"charging_profile\":" + PROFILE + "}")
                .assertStatus(200);
        Exchange active = announced.poll(10, TimeUnit.SECONDS);
        assertThat(active.getIn().getHeader("OcpiObjectId")).isEqualTo("THEIR-S");

        assertThat(peer.call("POST", emsp("chargingprofiles/results/nope"), "{\"result\":\"ACCEPTED\"}").status()).isEqualTo(404);
        Reply noStart = peer.call("PUT", emsp("chargingprofiles/THEIR-S"), "{\"charging_profile\":" + PROFILE + "}");
        assertThat(noStart.ocpiStatus()).isEqualTo(2001);
        assertThat(noStart.json().get("status_message").asText()).isEqualTo("start_date_time: must not be null");
    }
}
