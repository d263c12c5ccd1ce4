package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.ScriptedHub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter behind a hub (transport_and_format, "Message Routing"; hubclientinfo): many parties over one connection,
 * Broadcast Pushes and open routing requests from the hub, our pushes through it per party, ClientInfo switching a
 * party on and off, and pulls within the hub's page caps.
 */
class HubTest {

    static final String[] OUR_CPO = {"NL", "ADC"};
    static final String[] OUR_EMSP = {"NL", "ADE"};
    static final String[] EMSP_BEHIND = {"NL", "EMB"};

    static AdapterInstance adapter;
    static ScriptedHub hub;
    static ProducerTemplate producer;

    @BeforeAll
    static void start() {
        Map<String, Object> settings = new HashMap<>(Map.of("ocpi.push.poll-interval", "100ms", "ocpi.push.initial-backoff", "100ms",
                "ocpi.push.max-backoff", "400ms"));
        settings.put("ocpi.pull.page-limits.hub.locations", 100);
        adapter = AdapterInstance.start("hub", "NL", "AD", settings);
        hub = new ScriptedHub(adapter, "hub");
        producer = adapter.bean(CamelContext.class).createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        adapter.close();
        hub.close();
    }

    static String locationOf(String countryCode, String partyId, String id) {
        return Samples.location(id, "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"" + partyId + "\"")
                .replace("\"country_code\":\"NL\"", "\"country_code\":\"" + countryCode + "\"");
    }

    static void assertRouting(Reply reply, String[] from, String[] to) {
        assertThat(reply.header("OCPI-from-country-code") + "*" + reply.header("OCPI-from-party-id")).isEqualTo(from[0] + "*" + from[1]);
        assertThat(reply.header("OCPI-to-country-code") + "*" + reply.header("OCPI-to-party-id")).isEqualTo(to[0] + "*" + to[1]);
    }

    static void assertRouting(FakePeer.Received request, String[] from, String[] to) {
        assertThat(request.header("OCPI-from-country-code") + "*" + request.header("OCPI-from-party-id")).isEqualTo(from[0] + "*" + from[1]);
        assertThat(request.header("OCPI-to-country-code") + "*" + request.header("OCPI-to-party-id")).isEqualTo(to[0] + "*" + to[1]);
    }

    @Test
    void broadcastPushesOfManyPartiesAreStoredUnderEachAndAnsweredToTheHub() {
        String[][] cpos = {{"BE", "CPA"}, {"DE", "CPB"}, {"FR", "CPC"}, {"NL", "CPD"}};
        for (String[] cpo : cpos) {
            String path = "/ocpi/emsp/2.2.1/locations/" + cpo[0] + "/" + cpo[1] + "/HUB-L1";
            Reply put = hub.forward("PUT", path, locationOf(cpo[0], cpo[1], "HUB-L1"), ScriptedHub.HUB, OUR_EMSP);
            put.assertStatus(201);
            assertRouting(put, OUR_EMSP, ScriptedHub.HUB);
        }
        for (String[] cpo : cpos) {
            Reply stored = hub.forward("GET", "/ocpi/emsp/2.2.1/locations/" + cpo[0] + "/" + cpo[1] + "/HUB-L1", null, cpo, OUR_EMSP)
                    .assertStatus(200);
            assertThat(stored.data().get("country_code").asText() + "*" + stored.data().get("party_id").asText()).isEqualTo(cpo[0] + "*" + cpo[1]);
            assertRouting(stored, OUR_EMSP, cpo);
        }
    }

    @Test
    void anOpenRoutingRequestIsAnsweredByOurPartyOfTheModuleToTheParty() {
        producer.requestBody("direct:ocpi.locations.publish", Samples.location("OPEN-L1", "2024-01-01T00:00:00Z").getBytes(StandardCharsets.UTF_8),
                String.class);
        Reply open = hub.forward("GET", "/ocpi/cpo/2.2.1/locations/OPEN-L1", null, EMSP_BEHIND, null).assertStatus(200);
        assertThat(open.data().get("id").asText()).isEqualTo("OPEN-L1");
        assertRouting(open, OUR_CPO, EMSP_BEHIND);

        Reply elsewhere = hub.forward("GET", "/ocpi/cpo/2.2.1/locations/OPEN-L1", null, EMSP_BEHIND, new String[] {"DE", "XYZ"});
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.ocpiStatus()).isEqualTo(4001);
    }

    @Test
    void ourPushesGoThroughTheHubPerPartyAndWaitWhileItsPartyIsNotConnected() {
        hub.on("/2.2.1/receiver/locations/NL/ADC/BROADCAST-L1", request -> Answer.ocpi("null"));
        hub.on("/2.2.1/receiver/cdrs", request -> new Answer(201, "{\"status_code\":1000,\"timestamp\":\"2024-01-01T00:00:00Z\"}",
                Map.of("Location", hub.server.url("/2.2.1/receiver/cdrs/" + request.body().hashCode()))));

        // Our Locations are for every eMSP: one Broadcast Push to the hub, addressed to the hub itself.
        producer.requestBody("direct:ocpi.locations.publish", Samples.location("BROADCAST-L1", "2024-01-01T00:00:00Z")
                .getBytes(StandardCharsets.UTF_8), String.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !hub.server.received("/2.2.1/receiver/locations/NL/ADC/BROADCAST-L1").isEmpty());
        assertRouting(hub.server.received("/2.2.1/receiver/locations/NL/ADC/BROADCAST-L1").get(0), OUR_CPO, ScriptedHub.HUB);

        // A CDR is for the eMSP of its token, a party behind the hub: sent through the hub, addressed to that party.
        hub.clientInfo("NL", "EMB", "EMSP", "CONNECTED", "2024-01-01T00:00:00Z").assertStatus(201);
        producer.requestBody("direct:ocpi.cdrs.publish", Samples.cdr("ADC", "HUB-CDR1", "EMB").getBytes(StandardCharsets.UTF_8), String.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> cdrsReceived().size() == 1);
        assertRouting(hub.server.received("/2.2.1/receiver/cdrs").get(0), OUR_CPO, EMSP_BEHIND);

        // The hub reports the party OFFLINE: its CDRs wait in the outbox, and go when it is CONNECTED again.
        hub.clientInfo("NL", "EMB", "EMSP", "OFFLINE", "2024-01-01T01:00:00Z").assertStatus(200);
        producer.requestBody("direct:ocpi.cdrs.publish", Samples.cdr("ADC", "HUB-CDR2", "EMB").getBytes(StandardCharsets.UTF_8), String.class);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> pending().size() == 1);
        assertThat(cdrsReceived()).hasSize(1);
        assertThat(pending().get(0).get("last_error").asText()).contains("NL*EMB", "OFFLINE");

        hub.clientInfo("NL", "EMB", "EMSP", "CONNECTED", "2024-01-01T02:00:00Z").assertStatus(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> cdrsReceived().size() == 2);
        assertThat(cdrsReceived().get(1)).contains("HUB-CDR2");
        await().atMost(Duration.ofSeconds(5)).until(() -> pending().isEmpty());
    }

    static List<String> cdrsReceived() {
        return hub.server.received("/2.2.1/receiver/cdrs").stream().map(FakePeer.Received::body).toList();
    }

    static List<JsonNode> pending() {
        List<JsonNode> items = new java.util.ArrayList<>();
        adapter.admin("GET", "/outbox/PENDING", null).assertStatus(200).json().forEach(items::add);
        return items;
    }

    @Test
    void pullsAskForNoMoreThanTheHubsCapWithTheRoutingHeadersItRequires() {
        int total = 250;
        hub.on("/2.2.1/locations", request -> {
            int offset = request.param("offset") == null ? 0 : Integer.parseInt(request.param("offset"));
            int limit = Math.min(100, request.param("limit") == null ? 100 : Integer.parseInt(request.param("limit")));
            String page = String.join(",", IntStream.range(offset, Math.min(total, offset + limit))
                    .mapToObj(i -> locationOf("BE", "CPA", "CAP-L" + i)).toList());
            Map<String, String> headers = new HashMap<>(Map.of("X-Total-Count", Integer.toString(total), "X-Limit", Integer.toString(limit)));
            if (offset + limit < total) {
                headers.put("Link", "<" + hub.server.url("/2.2.1/locations") + "?offset=" + (offset + limit) + "&limit=" + limit + ">; rel=\"next\"");
            }
            return new Answer(200, "{\"data\":[" + page + "],\"status_code\":1000,\"timestamp\":\"2024-01-01T00:00:00Z\"}", headers);
        });
        long hubId = adapter.admin("GET", "/peers", null).json().get(0).get("id").asLong();
        Reply pulled = adapter.admin("POST", "/peers/" + hubId + "/pull-locations", null);
        assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
        assertThat(pulled.json().get("stored").asLong()).isEqualTo(total);
        List<FakePeer.Received> pages = hub.server.received("/2.2.1/locations");
        assertThat(pages).extracting(r -> r.param("limit")).containsExactly("100", "100", "100");
        assertRouting(pages.get(0), OUR_EMSP, ScriptedHub.HUB);
    }
}
