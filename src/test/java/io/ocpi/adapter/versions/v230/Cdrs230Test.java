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
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.FakePeer.Received;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mod_cdrs.asciidoc of 2.3.0 with a 2.3.0 peer: our Sender list, our POST of a CDR to the peer's Receiver with every
 * price in 2.3.0's shape, and our Receiver (POST, GET at the Location it answers) with its refusals.
 */
class Cdrs230Test {

    static Peer230 peer;

    /** A CDR of ours for a token of the peer's eMSP NL*PMS, with a tariff, as our enterprise side writes it. */
    static final String OURS = """
            {"country_code":"NL","party_id":"ADC","id":"CDR1","start_date_time":"2024-01-01T10:00:00Z","end_date_time":"2024-01-01T11:00:00Z",
             "cdr_token":{"country_code":"NL","party_id":"PMS","uid":"T1","type":"EMAID","contract_id":"NL-PMS-1"},
             "auth_method":"WHITELIST","cdr_location":{"id":"LOC1","address":"Stationsplein 1","city":"Utrecht","country":"NLD",
             "coordinates":{"latitude":"52.089444","longitude":"5.110278"},"evse_uid":"EVSE1","evse_id":"NL*ADC*E1","connector_id":"1",
             "connector_standard":"IEC_62196_T2","connector_format":"SOCKET","connector_power_type":"AC_3_PHASE"},
             "currency":"EUR","tariffs":[{"country_code":"NL","party_id":"ADC","id":"TAR1","currency":"EUR","elements":[{"price_components":[
             {"type":"ENERGY","price":0.25,"vat":21,"step_size":1}]}],"last_updated":"2024-01-01T00:00:00Z"}],
             "charging_periods":[{"start_date_time":"2024-01-01T10:00:00Z","dimensions":[{"type":"ENERGY","volume":10}],"tariff_id":"TAR1"}],
             "total_cost":{"excl_vat":2.50,"incl_vat":3.025},"total_energy":10,"total_energy_cost":{"excl_vat":2.50,"incl_vat":3.025},
             "total_time":1,"last_updated":"2024-01-01T11:05:00Z"}""";

    @BeforeAll
    static void start() {
        peer = Peer230.start("cdrs230", Map.of("ocpi.push.poll-interval", "100ms"));
        peer.server.on("/2.3.0/receiver/cdrs", request -> new Answer(201,
                "{\"status_code\":1000,\"timestamp\":\"2024-01-01T00:00:00Z\"}",
                Map.of("Location", peer.server.url("/2.3.0/receiver/cdrs/NL/ADC/CDR1"))));
        peer.publish("cdrs", OURS);
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    static void assertPrice230(JsonNode price, String beforeTaxes, String vat) {
        assertThat(price.has("excl_vat")).isFalse();
        assertThat(price.has("incl_vat")).isFalse();
        assertThat(price.get("before_taxes").decimalValue()).isEqualByComparingTo(beforeTaxes);
        assertThat(price.at("/taxes/0/name").asText()).isEqualTo("VAT");
        assertThat(price.at("/taxes/0/amount").decimalValue()).isEqualByComparingTo(vat);
    }

    @Test
    void ourCdrIsPostedToThePeerWithEveryPriceIn230Shape() {
        Received post = peer.awaitReceived("POST", "/2.3.0/receiver/cdrs");
        JsonNode cdr = json(post.body());
        assertPrice230(cdr.get("total_cost"), "2.50", "0.525");
        assertPrice230(cdr.get("total_energy_cost"), "2.50", "0.525");
        assertThat(cdr.at("/tariffs/0/tax_included").asText()).isEqualTo("NO");
        assertThat(cdr.at("/cdr_token/type").asText()).isEqualTo("EMAID");
        assertThat(post.header("OCPI-to-party-id")).isEqualTo("PMS");
    }

    @Test
    void theSenderListsThePeersCdrsIn230Shape() {
        Reply list = peer.call("GET", cpo("cdrs") + "?limit=10", null).assertStatus(200);
        assertThat(list.data()).extracting(c -> c.get("id").asText()).containsExactly("CDR1");
        assertPrice230(list.data().get(0).get("total_cost"), "2.50", "0.525");
        assertThat(list.header("X-Total-Count")).isEqualTo("1");
        assertThat(peer.call("GET", cpo("cdrs") + "?offset=-1", null).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void theReceiverTakesACdrOnceAndServesItAtItsLocation() {
        ObjectNode cdr = example("cdr_example.json").put("id", "RX-CDR");
        cdr.put("x_vendor", "read past");
        Reply first = peer.call("POST", emsp("cdrs"), cdr, new String[] {"BE", "BEC"}, Peer230.OUR_EMSP).assertStatus(201);
        Reply again = peer.call("POST", emsp("cdrs"), cdr).assertStatus(200);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(first.header("Location")).endsWith(emsp("cdrs/BE/BEC/RX-CDR"));
        JsonNode read = peer.call("GET", emsp("cdrs/BE/BEC/RX-CDR"), null).assertStatus(200).data();
        assertThat(read.has("x_vendor")).isFalse();
        assertThat(normal(read.get("total_cost"))).isEqualTo(normal(cdr.get("total_cost")));
        cdr.remove("x_vendor");
        assertThat(normal(read)).isEqualTo(normal(SpecExamplesOverHttp230Test.writtenBack(cdr)));
    }

    @Test
    void theReceiverRefusesWhatItCannotStoreNamingTheField() {
        ObjectNode noBeforeTaxes = example("cdr_example.json").put("id", "BAD-CDR");
        ((ObjectNode) noBeforeTaxes.get("total_cost")).remove("before_taxes");
        Reply missing = peer.call("POST", emsp("cdrs"), noBeforeTaxes);
        assertThat(missing.ocpiStatus()).isEqualTo(2001);
        assertThat(missing.json().get("status_message").asText()).isEqualTo("total_cost.before_taxes: must not be null");

        ObjectNode noLocation = example("cdr_example.json").put("id", "BAD-CDR");
        noLocation.remove("cdr_location");
        Reply noCdrLocation = peer.call("POST", emsp("cdrs"), noLocation);
        assertThat(noCdrLocation.ocpiStatus()).isEqualTo(2001);
        assertThat(noCdrLocation.json().get("status_message").asText()).isEqualTo("cdr_location: must not be null");

        ObjectNode notTheirs = example("cdr_example.json").put("id", "BAD-CDR").put("country_code", "FR").put("party_id", "XXX");
        assertThat(peer.call("POST", emsp("cdrs"), notTheirs).status()).isEqualTo(403);
        assertThat(peer.call("PUT", emsp("cdrs/BE/BEC/BAD-CDR"), example("cdr_example.json")).status()).isEqualTo(405);

        Reply unknown = peer.call("GET", emsp("cdrs/BE/BEC/BAD-CDR"), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
    }
}
