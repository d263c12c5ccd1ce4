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
 * mod_tariffs.asciidoc of 2.3.0 with a 2.3.0 peer: our Sender list and pushes (min and max price as PriceLimit,
 * {@code tax_included}), our Receiver (PUT, GET, DELETE; no PATCH) with 2.3.0's own fields and its refusals.
 */
class Tariffs230Test {

    static Peer230 peer;

    static final String OURS = """
            {"country_code":"NL","party_id":"ADC","id":"TAR1","currency":"EUR","min_price":{"excl_vat":1.00,"incl_vat":1.21},
             "elements":[{"price_components":[{"type":"ENERGY","price":0.25,"vat":21,"step_size":1}]}],
             "last_updated":"2024-01-01T00:00:00Z"}""";

    @BeforeAll
    static void start() {
        peer = Peer230.start("tariffs230", Map.of("ocpi.push.poll-interval", "100ms"));
        peer.answer("/2.3.0/receiver/tariffs/NL/ADC/TAR1", "null");
        peer.publish("tariffs", OURS);
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    static void assert230(JsonNode tariff) {
        assertThat(normal(tariff.get("min_price"))).isEqualTo(normal(json("{\"before_taxes\":1.00,\"after_taxes\":1.21}")));
        assertThat(tariff.get("tax_included").asText()).isEqualTo("NO");
        assertThat(tariff.at("/elements/0/price_components/0/vat").asInt()).isEqualTo(21);
    }

    @Test
    void theSenderListsOurTariffsIn230Shape() {
        Reply list = peer.call("GET", cpo("tariffs") + "?offset=0&limit=5", null).assertStatus(200);
        assertThat(list.data()).extracting(t -> t.get("id").asText()).containsExactly("TAR1");
        assert230(list.data().get(0));
        assertThat(list.header("X-Total-Count")).isEqualTo("1");
        assertThat(peer.call("GET", cpo("tariffs") + "?limit=0", null).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void ourTariffIsPutToThePeerIn230Shape() {
        Received put = peer.awaitReceived("PUT", "/2.3.0/receiver/tariffs/NL/ADC/TAR1");
        assert230(json(put.body()));
        assertThat(put.header("OCPI-from-party-id")).isEqualTo("ADC");
    }

    @Test
    void theReceiverKeepsTaxIncludedAndThePreauthorizeAmountAndDeletes() {
        ObjectNode tariff = example("tariff_20_simple_north_american_inclusive.json").put("id", "RX-T").put("preauthorize_amount", 25);
        tariff.put("x_vendor", "read past");
        String path = emsp("tariffs/CA/FLO/RX-T");
        peer.call("PUT", path, tariff, new String[] {"CA", "FLO"}, Peer230.OUR_EMSP).assertStatus(201);
        JsonNode read = peer.call("GET", path, null).assertStatus(200).data();
        tariff.remove("x_vendor");
        assertThat(normal(read)).isEqualTo(normal(tariff));
        assertThat(read.get("tax_included").asText()).isEqualTo("YES");

        assertThat(peer.call("PATCH", path, "{\"currency\":\"USD\",\"last_updated\":\"2030-01-01T00:00:00Z\"}").status()).isEqualTo(405);
        peer.call("DELETE", path, null).assertStatus(200);
        Reply gone = peer.call("GET", path, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.ocpiStatus()).isEqualTo(2000);
        assertThat(peer.call("DELETE", path, null).status()).isEqualTo(404);
    }

    @Test
    void theReceiverRefusesWhatItCannotStoreNamingTheField() {
        String path = emsp("tariffs/DE/ALL/BAD-T");
        ObjectNode noBeforeTaxes = example("tariff_12_025kwh_min_price.json").put("id", "BAD-T");
        ((ObjectNode) noBeforeTaxes.get("min_price")).remove("before_taxes");
        Reply limit = peer.call("PUT", path, noBeforeTaxes);
        assertThat(limit.ocpiStatus()).isEqualTo(2001);
        assertThat(limit.json().get("status_message").asText()).isEqualTo("min_price.before_taxes: must not be null");

        ObjectNode badTaxIncluded = example("tariff_1_simple_2hour.json").put("id", "BAD-T").put("tax_included", "SOMETIMES");
        Reply taxIncluded = peer.call("PUT", path, badTaxIncluded);
        assertThat(taxIncluded.ocpiStatus()).isEqualTo(2001);
        assertThat(taxIncluded.json().get("status_message").asText()).startsWith("tax_included: unknown value 'SOMETIMES'");

        ObjectNode noCurrency = example("tariff_1_simple_2hour.json").put("id", "BAD-T");
        noCurrency.remove("currency");
        Reply currency = peer.call("PUT", path, noCurrency);
        assertThat(currency.ocpiStatus()).isEqualTo(2001);
        assertThat(currency.json().get("status_message").asText()).isEqualTo("currency: must not be null");

        assertThat(peer.call("GET", path, null).status()).as("nothing stored").isEqualTo(404);
    }
}
