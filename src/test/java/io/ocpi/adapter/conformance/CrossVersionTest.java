package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.store.ObjectStore;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.Samples;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two whole adapters over real HTTP, a CPO and an eMSP, speaking a version other than the canonical one to each other:
 * 2.1.1 (the CPO invites the eMSP pinned to 2.1.1, each side playing one role; the eMSP speaks every version),
 * 2.3.0 (the CPO limited to 2.3.0 by {@code ocpi.versions.enabled}, the eMSP speaking every version and choosing the
 * highest) and 2.2.1 (the eMSP limited to 2.2.1, the CPO speaking every version). Every module's objects travel
 * through the real wire forms both ways and arrive canonical, and the wire itself carries the peer version's shape.
 */
class CrossVersionTest {

    static final Party CPO = new Party("NL", "XCC");
    static final Party EMSP = new Party("NL", "XEE");
    static final String LATER = "2024-01-01T01:00:00Z";

    @ParameterizedTest(name = "OCPI {0}")
    @ValueSource(strings = {"2.1.1", "2.3.0", "2.2.1"})
    void aCpoAndAnEmspTradeEveryModuleInThePeersVersion(String version) throws Exception {
        Map<String, Object> cpoSettings = new HashMap<>(Map.of("ocpi.result-timeout", "30s"));
        Map<String, Object> emspSettings = new HashMap<>();
        if (version.equals("2.3.0")) {
            cpoSettings.put("ocpi.versions.enabled", "2.3.0");
        }
        if (version.equals("2.2.1")) {
            emspSettings.put("ocpi.versions.enabled", "2.2.1");
        }
        try (AdapterInstance cpo = AdapterInstance.start("xv-cpo-" + version.replace(".", ""), "NL", "XC", cpoSettings);
             AdapterInstance emsp = AdapterInstance.start("xv-emsp-" + version.replace(".", ""), "NL", "XE", emspSettings)) {
            BlockingQueue<Exchange> requested = new LinkedBlockingQueue<>();
            BlockingQueue<Exchange> results = new LinkedBlockingQueue<>();
            cpo.bean(CamelContext.class).addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ocpi.commands.requested").process(exchange -> requested.add(exchange.copy())).setBody(constant("ACCEPTED"));
                }
            });
            emsp.bean(CamelContext.class).addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ocpi.commands.result").process(results::add);
                }
            });

            // Registration: the eMSP registers with the CPO; both registries keep the version.
            long cpoId = register(cpo, emsp, version);
            assertThat(peer(cpo).get("version").asText()).isEqualTo(version);
            assertThat(peer(emsp).get("version").asText()).isEqualTo(version);
            String cpoToken = outgoingToken(emsp);   // what the eMSP calls the CPO with
            String emspToken = outgoingToken(cpo);   // what the CPO calls the eMSP with

            // Locations and tariffs: published by the CPO, pushed to the eMSP, stored canonical there.
            ProducerTemplate atCpo = cpo.bean(CamelContext.class).createProducerTemplate();
            atCpo.requestBody("direct:ocpi.locations.publish", ours(Samples.location("LOC1", "2024-01-01T00:00:00Z")), String.class);
            atCpo.requestBody("direct:ocpi.tariffs.publish", Samples.tariff("XCC", "TAR1"), String.class);
            JsonNode location = awaitStored(emsp, ObjectKey.of("locations", CPO, "LOC1"));
            assertThat(location.get("parking_type")).isNull();
            assertThat(location.get("time_zone").asText()).isEqualTo("Europe/Amsterdam");
            assertThat(location.at("/evses/0/connectors/0/max_voltage").asInt()).isEqualTo(230);
            assertThat(location.at("/evses/0/status").asText()).isEqualTo("AVAILABLE");
            JsonNode tariff = awaitStored(emsp, ObjectKey.of("tariffs", CPO, "TAR1"));
            assertThat(tariff.at("/elements/0/price_components/0/price").decimalValue()).isEqualByComparingTo("0.25");
            assertThat(tariff.get("currency").asText()).isEqualTo("EUR");

            // A change of an EVSE's status reaches the eMSP as a PATCH.
            atCpo.send("direct:ocpi.locations.update", exchange -> {
                exchange.getIn().setBody("{\"status\":\"CHARGING\",\"last_updated\":\"" + LATER + "\"}");
                exchange.getIn().setHeaders(Map.of("OcpiObjectId", "LOC1", "OcpiEvseUid", "LOC1-E1"));
            });
            await().atMost(Duration.ofSeconds(15)).until(() -> stored(emsp, ObjectKey.of("locations", CPO, "LOC1"))
                    .map(stored -> stored.at("/evses/0/status").asText().equals("CHARGING")).orElse(false));

            // The CPO's locations as the wire carries them in the peer's version.
            JsonNode served = call(cpo, "GET", "/ocpi/cpo/" + version + "/locations", cpoToken, version, null).assertStatus(200).data();
            assertThat(served).hasSize(1);
            if (version.equals("2.1.1")) {
                assertThat(served.get(0).has("type")).isTrue();
                assertThat(served.get(0).has("parking_type")).isFalse();
                assertThat(served.get(0).has("country_code")).isFalse();
            } else {
                assertThat(served.get(0).get("country_code").asText()).isEqualTo("NL");
            }

            // The eMSP pulls the CPO's locations and gets the same.
            JsonNode pushed = stored(emsp, ObjectKey.of("locations", CPO, "LOC1")).orElseThrow();
            assertThat(pushed).isEqualTo(stored(cpo, ObjectKey.of("locations", CPO, "LOC1")).orElseThrow());
            Reply pulled = emsp.admin("POST", "/peers/" + cpoId + "/pull-locations", null).assertStatus(200);
            assertThat(pulled.json().get("read").asLong()).isEqualTo(1);
            assertThat(pulled.json().get("stored").asLong()).isEqualTo(1);
            assertThat(stored(emsp, ObjectKey.of("locations", CPO, "LOC1")).orElseThrow()).isEqualTo(pushed);

            // Tokens: published by the eMSP, pushed to the CPO; the CPO asks the eMSP in real time.
            ProducerTemplate atEmsp = emsp.bean(CamelContext.class).createProducerTemplate();
            atEmsp.requestBody("direct:ocpi.tokens.publish", Samples.token("TOK1", true, "2024-01-01T00:00:00Z")
                    .replace("\"ADE\"", "\"XEE\"").replace("\"ALLOWED\"", "\"NEVER\""), String.class);
            JsonNode token = awaitStored(cpo, new ObjectKey("tokens", EMSP, "TOK1", "RFID"));
            assertThat(token.get("contract_id").asText()).isEqualTo("NL-ADE-TOK1");
            assertThat(token.get("whitelist").asText()).isEqualTo("NEVER");
            // Whitelist NEVER: only the eMSP's own answer allows it; without one the CPO would refuse.
            Exchange decided = atCpo.request("direct:ocpi.tokens.decide", exchange -> {
                exchange.getIn().setBody("{\"location_id\":\"LOC1\"}");
                exchange.getIn().setHeaders(Map.of("OcpiObjectId", "TOK1", "OcpiTokenType", "RFID"));
            });
            JsonNode decision = json(decided.getMessage().getBody(String.class));
            assertThat(decision.get("allowed").asText()).isEqualTo("ALLOWED");
            assertThat(decision.get("info")).isNull();
            assertThat(decision.at("/token/uid").asText()).isEqualTo("TOK1");

            // A session and a CDR of the CPO reach the eMSP, canonical there.
            atCpo.requestBody("direct:ocpi.sessions.publish", ours(Samples.session("XCC", "S1", "XEE", "2024-01-01T10:05:00Z")), String.class);
            JsonNode session = awaitStored(emsp, ObjectKey.of("sessions", CPO, "S1"));
            // 2.1.1 names the token by its auth_id alone: uid and contract id are both that, of type OTHER.
            assertThat(session.at("/cdr_token/uid").asText()).isEqualTo(version.equals("2.1.1") ? "NL-XEE-1" : "T-S1");
            assertThat(session.at("/cdr_token/type").asText()).isEqualTo(version.equals("2.1.1") ? "OTHER" : "RFID");
            assertThat(session.at("/cdr_token/party_id").asText()).isEqualTo("XEE");
            assertThat(session.at("/cdr_token/contract_id").asText()).isEqualTo("NL-XEE-1");
            assertThat(session.get("location_id").asText()).isEqualTo("LOC1");
            assertThat(session.get("evse_uid").asText()).isEqualTo("LOC1-E1");
            assertThat(session.get("connector_id").asText()).isEqualTo("1");
            assertThat(session.get("kwh").decimalValue()).isEqualByComparingTo("1.5");
            atCpo.requestBody("direct:ocpi.cdrs.publish", ours(Samples.cdr("XCC", "CDR1", "XEE")), String.class);
            JsonNode cdr = awaitStored(emsp, ObjectKey.of("cdrs", CPO, "CDR1"));
            assertThat(cdr.at("/cdr_token/contract_id").asText()).isEqualTo("NL-XEE-1");
            assertThat(cdr.at("/total_cost/excl_vat").decimalValue()).isEqualByComparingTo("2.5");
            assertThat(cdr.at("/cdr_location/id").asText()).isEqualTo("LOC1");
            assertThat(cdr.at("/cdr_location/evse_uid").asText()).isEqualTo("LOC1-E1");
            assertThat(cdr.at("/cdr_location/connector_id").asText()).isEqualTo("1");

            if (!version.equals("2.1.1")) {
                // Nothing of a session or a CDR is lost where the peer's version holds all of it.
                assertThat(session).isEqualTo(stored(cpo, ObjectKey.of("sessions", CPO, "S1")).orElseThrow());
                assertThat(cdr).isEqualTo(stored(cpo, ObjectKey.of("cdrs", CPO, "CDR1")).orElseThrow());
            }

            // The session as the wire carries it in the peer's version.
            JsonNode wireSession = call(cpo, "GET", "/ocpi/cpo/" + version + "/sessions?date_from=2020-01-01T00:00:00Z", cpoToken, version, null)
                    .assertStatus(200).data().get(0);
            JsonNode wireCdr = call(cpo, "GET", "/ocpi/cpo/" + version + "/cdrs?date_from=2020-01-01T00:00:00Z", cpoToken, version, null)
                    .assertStatus(200).data().get(0);
            if (version.equals("2.1.1")) {
                assertThat(wireSession.get("auth_id").asText()).isEqualTo("NL-XEE-1");
                assertThat(wireSession.has("cdr_token")).isFalse();
                assertThat(wireSession.at("/location/id").asText()).isEqualTo("LOC1");
                assertThat(wireCdr.get("total_cost").isNumber()).isTrue();
                assertThat(wireCdr.get("total_cost").decimalValue()).isEqualByComparingTo("2.5");
            } else {
                assertThat(wireSession.at("/cdr_token/uid").asText()).isEqualTo("T-S1");
                assertThat(wireSession.has("auth_id")).isFalse();
                JsonNode wireTariff = call(cpo, "GET", "/ocpi/cpo/" + version + "/tariffs", cpoToken, version, null)
                        .assertStatus(200).data().get(0);
                assertThat(wireTariff.at("/elements/0/price_components/0/price").decimalValue()).isEqualByComparingTo("0.25");
                if (version.equals("2.3.0")) {
                    assertThat(wireCdr.at("/total_cost/before_taxes").decimalValue()).isEqualByComparingTo("2.5");
                    assertThat(wireCdr.at("/total_cost/excl_vat").isMissingNode()).isTrue();
                    assertThat(wireTariff.get("tax_included").asText()).isEqualTo("NO");
                } else {
                    assertThat(wireCdr.at("/total_cost/excl_vat").decimalValue()).isEqualByComparingTo("2.5");
                    assertThat(wireCdr.at("/total_cost/before_taxes").isMissingNode()).isTrue();
                    assertThat(wireTariff.has("tax_included")).isFalse();
                }
            }

            // A command of the eMSP to the CPO, and the CPO's result back at the eMSP.
            Exchange sent = atEmsp.request("direct:ocpi.commands.send", exchange -> {
                exchange.getIn().setBody(AdapterInstance.JSON.writeValueAsString(Map.of(
                        "token", json(Samples.token("TOK1", true, "2024-01-01T00:00:00Z").replace("\"ADE\"", "\"XEE\"")),
                        "location_id", "LOC1", "evse_uid", "LOC1-E1")));
                exchange.getIn().setHeaders(Map.of("OcpiCommand", "START_SESSION", "OcpiCountryCode", "NL", "OcpiPartyId", "XCC"));
            });
            assertThat(sent.getException()).isNull();
            assertThat(sent.getMessage().getBody(String.class)).contains("\"result\":\"ACCEPTED\"");
            String requestId = sent.getMessage().getHeader("OcpiRequestId", String.class);
            Exchange command = requested.poll(10, TimeUnit.SECONDS);
            assertThat(command).isNotNull();
            assertThat(command.getIn().getHeader("OcpiCommand")).isEqualTo("START_SESSION");
            assertThat(command.getIn().getBody(String.class)).contains("\"location_id\":\"LOC1\"").contains("\"uid\":\"TOK1\"");
            Exchange responded = atCpo.request("direct:ocpi.commands.respond", exchange -> {
                exchange.getIn().setBody("{\"result\":\"ACCEPTED\"}");
                exchange.getIn().setHeaders(Map.of("OcpiRequestId", command.getIn().getHeader("OcpiRequestId")));
            });
            assertThat(responded.getException()).isNull();
            Exchange result = results.poll(10, TimeUnit.SECONDS);
            assertThat(result).isNotNull();
            assertThat(result.getIn().getHeader("OcpiRequestId")).isEqualTo(requestId);
            assertThat(result.getIn().getBody(String.class)).contains("\"result\":\"ACCEPTED\"");

            // Unregistration, seen on both sides.
            emsp.admin("DELETE", "/peers/" + cpoId, null).assertStatus(200);
            assertThat(peer(cpo).get("status").asText()).isEqualTo("UNREGISTERED");
        }
    }

    /** The eMSP registers with the CPO; in 2.1.1 pinned, the CPO playing CPO and the eMSP eMSP. Answers the CPO's id at the eMSP. */
    private static long register(AdapterInstance cpo, AdapterInstance emsp, String version) {
        Map<String, Object> invitation = version.equals("2.1.1")
                ? Map.of("name", "emsp", "version", "2.1.1", "role", "CPO") : Map.of("name", "emsp");
        String tokenA = cpo.admin("POST", "/invitations", invitation).assertStatus(200).json().get("token").asText();
        Map<String, Object> registration = version.equals("2.1.1")
                ? Map.of("url", cpo.versionsUrl(), "token", tokenA, "name", "cpo", "version", "2.1.1", "role", "EMSP")
                : Map.of("url", cpo.versionsUrl(), "token", tokenA, "name", "cpo");
        JsonNode registered = emsp.admin("POST", "/peers", registration).assertStatus(200).json();
        return registered.get("id").asLong();
    }

    private static JsonNode peer(AdapterInstance adapter) {
        JsonNode peers = adapter.admin("GET", "/peers", null).assertStatus(200).json();
        assertThat(peers).hasSize(1);
        return peers.get(0);
    }

    private static String outgoingToken(AdapterInstance adapter) {
        return adapter.bean(PeerRepository.class).findAll().get(0).outgoingToken();
    }

    /** A call as the peer makes it: in 2.1.1 the token as it is, else Base64. */
    private static Reply call(AdapterInstance adapter, String method, String path, String token, String version, Object body) {
        String credential = version.equals("2.1.1") ? token : AdapterInstance.base64(token);
        return AdapterInstance.send(method, adapter.baseUrl() + path, Map.of("Authorization", "Token " + credential), body);
    }

    /** A sample of NL*ADC made ours (NL*XCC), at the EVSE of location LOC1, with the postal code 2.1.1 requires. */
    private static String ours(String sample) {
        return sample.replace("\"ADC\"", "\"XCC\"").replace("\"city\":\"Utrecht\",", "\"city\":\"Utrecht\",\"postal_code\":\"3511 CE\",").replace("NL*ADC*E1", "NL*XCC*E1").replace("\"EVSE1\"", "\"LOC1-E1\"");
    }

    private static Optional<JsonNode> stored(AdapterInstance adapter, ObjectKey key) {
        return adapter.bean(ObjectStore.class).find(key).map(CrossVersionTest::json);
    }

    private static JsonNode awaitStored(AdapterInstance adapter, ObjectKey key) {
        await().atMost(Duration.ofSeconds(15)).until(() -> stored(adapter, key).isPresent());
        return stored(adapter, key).orElseThrow();
    }

    private static JsonNode json(String text) {
        try {
            return AdapterInstance.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
