package io.ocpi.adapter.versions.v230;

import static io.ocpi.adapter.support.Spec230.example;
import static io.ocpi.adapter.support.Spec230.json;
import static io.ocpi.adapter.support.Spec230.normal;
import static io.ocpi.adapter.versions.v230.Peer230.cpo;
import static io.ocpi.adapter.versions.v230.Peer230.emsp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer.Received;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mod_sessions.asciidoc of 2.3.0 with a 2.3.0 peer: our Sender (the list, charging preferences), our pushes to the
 * peer's Receiver with 2.3.0 prices ({@code before_taxes} and {@code taxes}), and our Receiver of the peer's
 * sessions with its refusals.
 */
class Sessions230Test {

    static Peer230 peer;

    /** A session of ours for a token of the peer's eMSP NL*PMS, as our enterprise side writes it (2.2.1's prices). */
    static String ours(String id, String lastUpdated) {
        return """
                {"country_code":"NL","party_id":"ADC","id":"%s","start_date_time":"2024-01-01T10:00:00Z","kwh":1.5,
                 "cdr_token":{"country_code":"NL","party_id":"PMS","uid":"T-%s","type":"RFID","contract_id":"NL-PMS-1"},
                 "auth_method":"WHITELIST","location_id":"LOC1","evse_uid":"EVSE1","connector_id":"1","currency":"EUR",
                 "total_cost":{"excl_vat":1.00,"incl_vat":1.21},"status":"ACTIVE","last_updated":"%s"}""".formatted(id, id, lastUpdated);
    }

    @BeforeAll
    static void start() {
        peer = Peer230.start("sessions230", Map.of("ocpi.push.poll-interval", "100ms"));
        peer.answer("/2.3.0/receiver/sessions/NL/ADC/S1", "null");
        peer.publish("sessions", ours("S1", "2024-01-01T10:00:00Z"));
        peer.publish("sessions", ours("S2", "2024-01-02T10:00:00Z").replace("\"PMS\"", "\"XYZ\""));
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    static final String PRICE_230 = "{\"before_taxes\":1.00,\"taxes\":[{\"name\":\"VAT\",\"amount\":0.21}]}";

    @Test
    void theSenderListsThePeersSessionsWithPricesIn230Shape() {
        Reply list = peer.call("GET", cpo("sessions") + "?date_from=2023-01-01T00:00:00Z", null).assertStatus(200);
        assertThat(list.data()).extracting(s -> s.get("id").asText()).as("only the sessions of the peer's parties").containsExactly("S1");
        assertThat(list.header("X-Total-Count")).isEqualTo("1");
        JsonNode session = list.data().get(0);
        assertThat(normal(session.get("total_cost"))).isEqualTo(normal(json(PRICE_230)));
        assertThat(session.at("/cdr_token/contract_id").asText()).isEqualTo("NL-PMS-1");
        Reply window = peer.call("GET", cpo("sessions") + "?date_from=2024-01-01T10:00:01Z", null).assertStatus(200);
        assertThat(window.data()).isEmpty();
        assertThat(peer.call("GET", cpo("sessions") + "?date_to=tomorrow", null).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void ourSessionIsPutToThePeerWithItsPriceBeforeTaxesAndTaxes() {
        Received put = peer.awaitReceived("PUT", "/2.3.0/receiver/sessions/NL/ADC/S1");
        JsonNode body = json(put.body());
        assertThat(normal(body.get("total_cost"))).isEqualTo(normal(json(PRICE_230)));
        assertThat(body.get("total_cost").has("excl_vat")).isFalse();
        assertThat(put.header("OCPI-to-party-id")).isEqualTo("PMS");
        assertThat(put.header("OCPI-from-party-id")).isEqualTo("ADC");
    }

    @Test
    void chargingPreferencesAreAnsweredWhereTheEvseIsCapable() {
        Reply notCapable = peer.call("PUT", cpo("sessions/S1/charging_preferences"),
                "{\"profile_type\":\"GREEN\",\"departure_time\":\"2024-01-01T18:00:00Z\",\"energy_need\":20}");
        assertThat(notCapable.status()).isEqualTo(404);
        assertThat(notCapable.ocpiStatus()).isEqualTo(2001);
        peer.publish("locations", """
                {"country_code":"NL","party_id":"ADC","id":"LOC1","publish":true,"address":"Stationsplein 1","city":"Utrecht",
                 "country":"NLD","coordinates":{"latitude":"52.089444","longitude":"5.110278"},"time_zone":"Europe/Amsterdam",
                 "evses":[{"uid":"EVSE1","status":"CHARGING","capabilities":["CHARGING_PREFERENCES_CAPABLE"],"connectors":[{"id":"1",
                 "standard":"IEC_62196_T2","format":"SOCKET","power_type":"AC_3_PHASE","max_voltage":230,"max_amperage":32,
                 "last_updated":"2024-01-01T00:00:00Z"}],"last_updated":"2024-01-01T00:00:00Z"}],"last_updated":"2024-01-01T00:00:00Z"}""");
        Reply capable = peer.call("PUT", cpo("sessions/S1/charging_preferences"), "{\"profile_type\":\"FAST\",\"unknown\":true}");
        assertThat(capable.assertStatus(200).data().asText()).isEqualTo("NOT_POSSIBLE");
        assertThat(peer.call("PUT", cpo("sessions/S2/charging_preferences"), "{\"profile_type\":\"GREEN\"}").status())
                .as("not a session of the peer's").isEqualTo(404);
        Reply wrongProfile = peer.call("PUT", cpo("sessions/S1/charging_preferences"), "{\"profile_type\":\"WARP\"}");
        assertThat(wrongProfile.ocpiStatus()).isEqualTo(2001);
        assertThat(wrongProfile.json().get("status_message").asText()).contains("profile_type");
    }

    @Test
    void theReceiverKeepsThePeersSessionsAndRefusesWhatItCannotStore() {
        ObjectNode session = example("session_example_1_simple_start.json").put("id", "RX1");
        session.putObject("total_cost").put("before_taxes", 0.5).putArray("taxes")
                .addObject().put("name", "VAT").put("account_number", "NL123").put("percentage", 21).put("amount", 0.105);
        session.put("x_vendor", "read past");
        String path = emsp("sessions/NL/STK/RX1");
        peer.call("PUT", path, session, new String[] {"NL", "STK"}, Peer230.OUR_EMSP).assertStatus(201);
        JsonNode read = peer.call("GET", path, null).assertStatus(200).data();
        session.remove("x_vendor");
        assertThat(normal(read)).isEqualTo(normal(session));

        peer.call("PATCH", path, "{\"kwh\":3.5,\"last_updated\":\"2030-01-01T00:00:00Z\"}").assertStatus(200);
        assertThat(peer.call("GET", path, null).data().get("kwh").asDouble()).isEqualTo(3.5);

        ObjectNode oldPrice = session.deepCopy();
        oldPrice.putObject("total_cost").put("excl_vat", 0.5).put("incl_vat", 0.6);
        Reply excl = peer.call("PUT", path, oldPrice);
        assertThat(excl.ocpiStatus()).isEqualTo(2001);
        assertThat(excl.json().get("status_message").asText()).isEqualTo("total_cost.before_taxes: must not be null");

        ObjectNode noKwh = session.deepCopy();
        noKwh.remove("kwh");
        Reply missing = peer.call("PUT", path, noKwh);
        assertThat(missing.ocpiStatus()).isEqualTo(2001);
        assertThat(missing.json().get("status_message").asText()).isEqualTo("kwh: must not be null");

        ObjectNode badTax = session.deepCopy();
        ((ObjectNode) badTax.at("/total_cost/taxes/0")).remove("amount");
        Reply noAmount = peer.call("PUT", path, badTax);
        assertThat(noAmount.ocpiStatus()).isEqualTo(2001);
        assertThat(noAmount.json().get("status_message").asText()).startsWith("total_cost.taxes[0].amount");

        Reply noLastUpdated = peer.call("PATCH", path, "{\"kwh\":4}");
        assertThat(noLastUpdated.ocpiStatus()).isEqualTo(2001);
        assertThat(noLastUpdated.json().get("status_message").asText()).contains("last_updated");

        Reply unknown = peer.call("GET", emsp("sessions/NL/STK/NONE"), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
        assertThat(peer.call("PATCH", emsp("sessions/NL/STK/NONE"), "{\"kwh\":4,\"last_updated\":\"2030-01-01T00:00:00Z\"}").status())
                .isEqualTo(404);
    }
}
