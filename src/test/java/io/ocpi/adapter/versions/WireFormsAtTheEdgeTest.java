package io.ocpi.adapter.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.registry.PeerStatus;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.TestWireForms;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
 * Every crossing of the wire with a peer on 2.1.1, over real HTTP, with made-up forms ({@link TestWireForms}): what it
 * sends is kept canonical, what it gets is in its shape, in requests and answers, pushes and pulls, calls both ways;
 * events about it say its version. The same requests at the 2.2.1 paths see the canonical form.
 */
class WireFormsAtTheEdgeTest {

    static PeerPlatform platform;
    static final BlockingQueue<Exchange> received = new LinkedBlockingQueue<>();
    static final BlockingQueue<Exchange> authorize = new LinkedBlockingQueue<>();
    static final BlockingQueue<Exchange> requested = new LinkedBlockingQueue<>();
    static final BlockingQueue<Exchange> results = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        platform = PeerPlatform.start("wire-forms", Map.of("ocpi.push.poll-interval", "100ms", "ocpi.push.initial-backoff", "100ms",
                "ocpi.push.max-backoff", "400ms"), TestWireForms.class);
        PeerRepository peers = platform.adapter.bean(PeerRepository.class);
        Peer peer = peers.findAll().stream().filter(p -> p.name().equals("peer")).findFirst().orElseThrow();
        peers.saveRegistration(peer.id(), PeerStatus.REGISTERED, new PeerRepository.Registration(peer.versionsUrl(), "2.1.1",
                peer.outgoingToken(), peer.tokenEncoding(), peer.roles(), peer.endpoints()));
        platform.publish("locations", Samples.location("LOC1", "2024-01-01T00:00:00Z"));
        platform.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocpi.tariffs.received").process(received::add);
                from("direct:ocpi.tokens.authorize").process(e -> authorize.add(e.copy())).setBody(constant("ALLOWED"));
                from("direct:ocpi.commands.requested").process(e -> requested.add(e.copy())).setBody(constant("ACCEPTED"));
                from("direct:ocpi.commands.result").process(results::add);
            }
        });
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Reply call(String method, String path, Object body, Map<String, String> headers) {
        return platform.call(method, path, body, headers);
    }

    /** A tariff as 2.1.1 writes it in these tests: money for currency, no owner. */
    static String tariff211(String id) {
        return """
                {"id":"%s","money":"EUR","tariff_alt_text":[{"language":"en","text":"0.25/kWh"}],"elements":[{"price_components":[
                 {"type":"ENERGY","price":0.25,"step_size":1}]}],"last_updated":"2024-01-01T00:00:00Z"}""".formatted(id);
    }

    static String ourTariff(String id, String altText) {
        return """
                {"country_code":"NL","party_id":"ADC","id":"%s","currency":"EUR","tariff_alt_text":%s,"elements":[{"price_components":[
                 {"type":"ENERGY","price":0.25,"step_size":1}]}],"last_updated":"2024-01-01T00:00:00Z"}""".formatted(id, altText);
    }

    static JsonNode json(String text) {
        try {
            return AdapterInstance.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBodyFromAPeerOn211IsStoredCanonicalAndItsEventSaysTheVersion() throws Exception {
        call("PUT", "/ocpi/emsp/2.1.1/tariffs/NL/ALF/T211", json(tariff211("T211")), Map.of()).assertStatus(201);

        JsonNode canonical = call("GET", "/ocpi/emsp/2.2.1/tariffs/NL/ALF/T211", null, Map.of()).assertStatus(200).data();
        assertThat(canonical.get("currency").asText()).isEqualTo("EUR");
        assertThat(canonical.get("country_code").asText()).isEqualTo("NL");
        assertThat(canonical.get("party_id").asText()).isEqualTo("ALF");
        assertThat(canonical.has("money")).isFalse();

        JsonNode asWritten = call("GET", "/ocpi/emsp/2.1.1/tariffs/NL/ALF/T211", null, Map.of()).assertStatus(200).data();
        assertThat(asWritten.get("money").asText()).isEqualTo("EUR");
        assertThat(asWritten.has("currency")).isFalse();
        assertThat(asWritten.has("country_code")).isFalse();

        Exchange event = received.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.getIn().getHeader("OcpiVersion")).isEqualTo("2.1.1");
        assertThat(event.getIn().getHeader("OcpiPeer")).isEqualTo("peer");
        assertThat(event.getIn().getBody(String.class)).contains("\"currency\":\"EUR\"").doesNotContain("money");
    }

    @Test
    void aRefusedBodyNamesTheFieldAsThePeerWroteIt() {
        String noMoney = tariff211("T-BAD").replace("\"money\":\"EUR\",", "");
        Reply refused = call("PUT", "/ocpi/emsp/2.1.1/tariffs/NL/ALF/T-BAD", json(noMoney), Map.of());
        assertThat(refused.ocpiStatus()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText()).startsWith("money: must not be null");

        Reply withOwner = call("PUT", "/ocpi/emsp/2.1.1/tariffs/NL/ALF/T-BAD", json(ourTariff("T-BAD", "[]")), Map.of());
        assertThat(withOwner.ocpiStatus()).isEqualTo(2001);
        assertThat(withOwner.json().get("status_message").asText()).contains("country_code: not in a 2.1.1 tariff");

        // The same body on 2.2.1 is read as it is: the form of 2.1.1 plays no part.
        Reply canonical = call("PUT", "/ocpi/emsp/2.2.1/tariffs/NL/ALF/T-BAD", json(tariff211("T-BAD")), Map.of());
        assertThat(canonical.ocpiStatus()).isEqualTo(2001);
        assertThat(canonical.json().get("status_message").asText()).contains("country_code: must not be null");
    }

    @Test
    void aPatchFromAPeerOn211IsMadeCanonicalFieldByField() {
        call("PUT", "/ocpi/emsp/2.2.1/locations/NL/ALF/PL1", json(Samples.location("PL1", "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"ALF\"")),
                Map.of()).assertStatus(201);
        call("PATCH", "/ocpi/emsp/2.1.1/locations/NL/ALF/PL1", Map.of("title", "Renamed", "last_updated", "2024-01-02T00:00:00Z"), Map.of())
                .assertStatus(200);
        call("PATCH", "/ocpi/emsp/2.1.1/locations/NL/ALF/PL1/PL1-E1", Map.of("state", "CHARGING", "last_updated", "2024-01-03T00:00:00Z"),
                Map.of()).assertStatus(200);

        JsonNode stored = call("GET", "/ocpi/emsp/2.2.1/locations/NL/ALF/PL1", null, Map.of()).assertStatus(200).data();
        assertThat(stored.get("name").asText()).isEqualTo("Renamed");
        assertThat(stored.has("title")).isFalse();
        assertThat(stored.get("evses").get(0).get("status").asText()).isEqualTo("CHARGING");
        assertThat(stored.get("evses").get(0).has("state")).isFalse();
        JsonNode evse = call("GET", "/ocpi/emsp/2.1.1/locations/NL/ALF/PL1/PL1-E1", null, Map.of()).assertStatus(200).data();
        assertThat(evse.get("state").asText()).isEqualTo("CHARGING");
    }

    @Test
    void aPatchOn230IsReadIn230AsItsPutWas() {
        String open = Samples.location("OE1", "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"ALF\"").replace("IEC_62196_T2", "ACME_MEGAPLUG");
        call("PUT", "/ocpi/emsp/2.3.0/locations/NL/ALF/OE1", json(open), Map.of()).assertStatus(201);
        Reply location = call("PATCH", "/ocpi/emsp/2.3.0/locations/NL/ALF/OE1", Map.of("name", "Open", "last_updated", "2024-01-02T00:00:00Z"),
                Map.of());
        assertThat(location.ocpiStatus()).as(location.body()).isEqualTo(1000);
        Reply evse = call("PATCH", "/ocpi/emsp/2.3.0/locations/NL/ALF/OE1/OE1-E1", Map.of("status", "CHARGING", "last_updated", "2024-01-03T00:00:00Z"),
                Map.of());
        assertThat(evse.ocpiStatus()).as(evse.body()).isEqualTo(1000);
        JsonNode stored = call("GET", "/ocpi/emsp/2.3.0/locations/NL/ALF/OE1", null, Map.of()).assertStatus(200).data();
        assertThat(stored.get("name").asText()).isEqualTo("Open");
        assertThat(stored.get("evses").get(0).get("status").asText()).isEqualTo("CHARGING");
        assertThat(stored.get("evses").get(0).get("connectors").get(0).get("standard").asText()).isEqualTo("ACME_MEGAPLUG");
    }

    @Test
    void aChangeToAPartOfOurLocationIsPushedInThePeersShapeOfThatPart() throws Exception {
        platform.peer.on("/2.2.1/receiver/locations/NL/ADC/PP", Answer.ocpi("null"));
        platform.peer.on("/2.2.1/receiver/locations/NL/ADC/PP/PP-E1", Answer.ocpi("null"));
        platform.publish("locations", Samples.location("PP", "2024-01-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.peer.received("/2.2.1/receiver/locations/NL/ADC/PP").size() == 1);
        platform.input("ocpi.locations.update", "{\"status\":\"CHARGING\",\"last_updated\":\"2024-01-01T01:00:00Z\"}",
                Map.of("OcpiObjectId", "PP", "OcpiEvseUid", "PP-E1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.peer.received("/2.2.1/receiver/locations/NL/ADC/PP/PP-E1").size() == 1);
        FakePeer.Received patch = platform.peer.received("/2.2.1/receiver/locations/NL/ADC/PP/PP-E1").get(0);
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(json(patch.body()).get("state").asText()).isEqualTo("CHARGING");
        assertThat(json(patch.body()).has("status")).isFalse();
    }

    @Test
    void ourListServedToAPeerOn211IsInItsShapePageByPage() {
        for (String id : List.of("L1", "L2", "L3")) {
            platform.publish("tariffs", ourTariff(id, "[{\"language\":\"en\",\"text\":\"t\"}]"));
        }
        Reply page = call("GET", "/ocpi/cpo/2.1.1/tariffs?limit=2", null, Map.of()).assertStatus(200);
        assertThat(page.data()).hasSize(2);
        page.data().forEach(tariff -> {
            assertThat(tariff.get("money").asText()).isEqualTo("EUR");
            assertThat(tariff.has("currency")).isFalse();
        });
        Reply canonical = call("GET", "/ocpi/cpo/2.2.1/tariffs?limit=2", null, Map.of()).assertStatus(200);
        assertThat(page.header("X-Total-Count")).isEqualTo(canonical.header("X-Total-Count"));
        assertThat(Integer.parseInt(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(3);
        assertThat(page.header("Link")).isEqualTo(canonical.header("Link").replace("/2.2.1/", "/2.1.1/")).contains("/ocpi/cpo/2.1.1/tariffs?offset=2");
        assertThat(canonical.data().get(0).get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void aPushToAPeerOn211ArrivesInItsShapeAndOneItCannotHoldIsADeadLetterNamingTheField() {
        platform.peer.on("/2.2.1/receiver/tariffs/NL/ADC/P1", Answer.ocpi("null"));
        platform.publish("tariffs", ourTariff("P1", "[{\"language\":\"en\",\"text\":\"t\"}]"));
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.peer.received("/2.2.1/receiver/tariffs/NL/ADC/P1").size() == 1);
        JsonNode pushed = json(platform.peer.received("/2.2.1/receiver/tariffs/NL/ADC/P1").get(0).body());
        assertThat(pushed.get("money").asText()).isEqualTo("EUR");
        assertThat(pushed.has("currency")).isFalse();
        assertThat(pushed.has("country_code")).isFalse();

        platform.peer.on("/2.2.1/receiver/tariffs/NL/ADC/P2", Answer.ocpi("null"));
        platform.publish("tariffs", ourTariff("P2", "[]"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadPush("NL/ADC/P2") != null);
        JsonNode dead = deadPush("NL/ADC/P2");
        assertThat(dead.get("last_error").asText()).contains("2.1.1").contains("tariff_alt_text: this version needs at least one");
        assertThat(dead.get("attempts").asInt()).isLessThanOrEqualTo(1);
        assertThat(platform.peer.received("/2.2.1/receiver/tariffs/NL/ADC/P2")).isEmpty();
        JsonNode deadGauge = platform.adapter.admin("GET", "/metrics/ocpi.push.backlog?tag=status:dead", null).assertStatus(200).json();
        assertThat(deadGauge.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    /** The dead letter of a push to {@code path} below the peer's module endpoint, or null. */
    static JsonNode deadPush(String path) {
        for (JsonNode item : platform.adapter.admin("GET", "/outbox/DEAD", null).json()) {
            if (path.equals(item.path("path").asText())) {
                return item;
            }
        }
        return null;
    }

    @Test
    void theRealFormsOf221And230AreAppliedAtTheirPaths() {
        platform.publish("tariffs", ourTariff("PRE", "[{\"language\":\"en\",\"text\":\"t\"}]")
                .replace("\"currency\":\"EUR\",", "\"currency\":\"EUR\",\"preauthorize_amount\":50,"));
        JsonNode v221 = call("GET", "/ocpi/cpo/2.2.1/tariffs?limit=100", null, Map.of()).assertStatus(200).data();
        JsonNode v230 = call("GET", "/ocpi/cpo/2.3.0/tariffs?limit=100", null, Map.of()).assertStatus(200).data();
        assertThat(byId(v230, "PRE").has("preauthorize_amount")).isTrue();
        assertThat(byId(v221, "PRE").has("preauthorize_amount")).isFalse();
        assertThat(byId(v221, "PRE").get("currency").asText()).isEqualTo("EUR");
    }

    static JsonNode byId(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    @Test
    void aPullFromAPeerOn211StoresCanonical() {
        platform.peer.on("/2.2.1/tariffs", Answer.ocpi("[" + tariff211("PULLED1") + "," + tariff211("PULLED2") + "]"));
        long peerId = platform.adapter.admin("GET", "/peers", null).json().get(0).get("id").asLong();
        Reply pulled = platform.adapter.admin("POST", "/peers/" + peerId + "/pull-tariffs", null).assertStatus(200);
        assertThat(pulled.json().get("stored").asInt()).isEqualTo(2);
        // The peer's first CPO party owns them: BE*BEC.
        JsonNode stored = call("GET", "/ocpi/emsp/2.2.1/tariffs/BE/BEC/PULLED1", null, Map.of()).assertStatus(200).data();
        assertThat(stored.get("currency").asText()).isEqualTo("EUR");
        assertThat(stored.has("money")).isFalse();
    }

    @Test
    void realTimeAuthorizationBothWays() throws Exception {
        // We are the CPO: the peer's eMSP decides, in its shape.
        String token = Samples.token("RT1", true, "2024-01-01T00:00:00Z").replace("\"ADE\"", "\"PMS\"");
        call("PUT", "/ocpi/cpo/2.2.1/tokens/NL/PMS/RT1", json(token), Map.of()).assertStatus(201);
        platform.peer.on("/2.2.1/tokens/RT1/authorize", Answer.ocpi("{\"permission\":\"BLOCKED\",\"token\":" + token + "}"));
        String decided = platform.input("ocpi.tokens.decide", "{\"location_id\":\"LOC1\"}", Map.of("OcpiObjectId", "RT1", "OcpiTokenType", "RFID"))
                .getMessage().getBody(String.class);
        assertThat(json(decided).get("allowed").asText()).isEqualTo("BLOCKED");
        JsonNode asked = json(platform.peer.received("/2.2.1/tokens/RT1/authorize").get(0).body());
        assertThat(asked.get("location").asText()).isEqualTo("LOC1");
        assertThat(asked.has("location_id")).isFalse();

        // We are the eMSP: the peer's CPO asks in its shape and gets our answer in it.
        platform.publish("tokens", Samples.token("MINE", true, "2024-01-01T00:00:00Z"));
        Reply answer = call("POST", "/ocpi/emsp/2.1.1/tokens/MINE/authorize", Map.of("location", "LOC9"), Map.of()).assertStatus(200);
        assertThat(answer.data().get("permission").asText()).isEqualTo("ALLOWED");
        assertThat(answer.data().has("allowed")).isFalse();
        Exchange question = authorize.poll(5, TimeUnit.SECONDS);
        assertThat(question).isNotNull();
        assertThat(question.getIn().getHeader("OcpiVersion")).isEqualTo("2.1.1");
        assertThat(json(question.getIn().getBody(String.class)).get("location").get("location_id").asText()).isEqualTo("LOC9");
    }

    @Test
    void aCommandWeSendAndItsResultAreInThePeersShape() throws Exception {
        platform.peer.on("/2.2.1/receiver/commands/START_SESSION", Answer.ocpi("{\"answer\":\"ACCEPTED\",\"timeout\":30}"));
        Exchange sent = platform.input("ocpi.commands.send", AdapterInstance.JSON.writeValueAsString(Map.of(
                        "token", json(Samples.token("OURTOKEN", true, "2024-01-01T00:00:00Z")), "location_id", "THEIRLOC")),
                Map.of("OcpiCommand", "START_SESSION", "OcpiCountryCode", "NL", "OcpiPartyId", "PCP"));
        assertThat(json(sent.getMessage().getBody(String.class)).get("result").asText()).isEqualTo("ACCEPTED");
        JsonNode command = json(platform.peer.received("/2.2.1/receiver/commands/START_SESSION").get(0).body());
        assertThat(command.get("location").asText()).isEqualTo("THEIRLOC");
        assertThat(command.has("location_id")).isFalse();

        assertThat(command.get("response_url").asText()).contains("/ocpi/emsp/2.1.1/commands/START_SESSION/");
        AdapterInstance.send("POST", command.get("response_url").asText(), withToken(Map.of()), Map.of("outcome", "ACCEPTED")).assertStatus(200);
        Exchange result = results.poll(5, TimeUnit.SECONDS);
        assertThat(result).isNotNull();
        assertThat(json(result.getIn().getBody(String.class)).get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(result.getIn().getHeader("OcpiVersion")).isEqualTo("2.1.1");
    }

    @Test
    void aCommandThePeerSendsIsAnsweredAndItsResultPostedInItsShape() throws Exception {
        platform.peer.on("/results/w-1", Answer.ocpi("null"));
        Map<String, Object> start = Map.of("response_url", platform.peer.url("/results/w-1"), "location", "LOC1", "evse_uid", "EVSE1",
                "token", json(Samples.token("TOKEN1", true, "2024-01-01T00:00:00Z").replace("\"ADE\"", "\"PMS\"")));
        Reply reply = call("POST", "/ocpi/cpo/2.1.1/commands/START_SESSION", start, Map.of()).assertStatus(200);
        assertThat(reply.data().get("answer").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.data().has("result")).isFalse();

        Exchange command = requested.poll(5, TimeUnit.SECONDS);
        assertThat(command).isNotNull();
        assertThat(command.getIn().getHeader("OcpiVersion")).isEqualTo("2.1.1");
        assertThat(json(command.getIn().getBody(String.class)).get("location_id").asText()).isEqualTo("LOC1");
        platform.input("ocpi.commands.respond", "{\"result\":\"ACCEPTED\"}", Map.of("OcpiRequestId", command.getIn().getHeader("OcpiRequestId")));
        List<FakePeer.Received> posted = platform.peer.received("/results/w-1");
        assertThat(posted).hasSize(1);
        assertThat(json(posted.get(0).body()).get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(json(posted.get(0).body()).has("result")).isFalse();
    }

    static Map<String, String> withToken(Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", "Token " + AdapterInstance.base64(platform.token));
        return all;
    }
}
