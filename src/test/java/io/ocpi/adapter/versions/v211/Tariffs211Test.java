package io.ocpi.adapter.versions.v211;

import static io.ocpi.adapter.support.Spec211.example;
import static io.ocpi.adapter.support.Spec211.normal;
import static io.ocpi.adapter.versions.v211.Scripted211.json;
import static io.ocpi.adapter.versions.v211.Scripted211.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tariffs (mod_tariffs.md) with 2.1.1 parties: 2.1, the CPO interface (the paginated list) the adapter serves to the
 * scripted eMSP; 2.2, the eMSP interface (GET, PUT, PATCH, DELETE) it serves to the scripted CPO; its pushes to the
 * scripted eMSP and its pull from the scripted CPO.
 */
class Tariffs211Test {

    static Scripted211 peers;

    /** A tariff of the adapter's CPO, canonical, with what 2.1.1 cannot say: a type, a VAT rate, a validity period. */
    static final String OUR_TARIFF = """
            {"country_code": "NL", "party_id": "ADC", "id": "%s", "currency": "EUR", "type": "REGULAR",
             "elements": [{"price_components": [{"type": "ENERGY", "price": 0.25, "vat": 21, "step_size": 1}]}],
             "start_date_time": "2024-01-01T00:00:00Z", "last_updated": "%s"}""";

    /** The same as mod_tariffs.md 3.1 writes it: no owner, no type, no VAT, no validity (docs/translation-2.1.1.md). */
    static final String OUR_TARIFF_211 = """
            {"id": "%s", "currency": "EUR", "elements": [{"price_components": [{"type": "ENERGY", "price": 0.25, "step_size": 1}]}],
             "last_updated": "%s"}""";

    @BeforeAll
    static void start() {
        peers = Scripted211.start("v211-tariffs", Map.of());
        for (String id : new String[] {"T1", "T2", "T3"}) {
            peers.emsp.server.on("/2.1.1/tariffs/NL/ADC/" + id, Answer.ocpi("null"));
        }
        peers.publish("tariffs", OUR_TARIFF.formatted("T1", "2024-01-01T00:00:00Z"));
        peers.publish("tariffs", OUR_TARIFF.formatted("T2", "2024-02-01T00:00:00Z"));
        peers.publish("tariffs", OUR_TARIFF.formatted("T3", "2024-03-01T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    static JsonNode ours211(String id, String lastUpdated) {
        return normal(json(OUR_TARIFF_211.formatted(id, lastUpdated)));
    }

    String theirs(String id) {
        return peers.cpo.ours("tariffs") + "/BE/BEC/" + id;
    }

    static ObjectNode tariff(String id) {
        ObjectNode tariff = example("mod_tariffs.md", "Complex Tariff example").body();
        tariff.put("id", id);
        return tariff;
    }

    // --- 2.1 CPO interface --------------------------------------------------------------------------------------

    @Test
    void theListIsPaginatedAndFilteredIn211Shape() {
        Reply first = peers.emsp.call("GET", peers.emsp.ours("tariffs") + "?limit=2", null).assertStatus(200);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("X-Limit")).isNotNull();
        assertThat(normal(first.data())).isEqualTo(normal(AdapterInstance.JSON.createArrayNode()
                .add(ours211("T1", "2024-01-01T00:00:00Z")).add(ours211("T2", "2024-02-01T00:00:00Z"))));
        String link = first.header("Link");
        assertThat(link).contains("/ocpi/cpo/2.1.1/tariffs?").contains("offset=2");
        Reply second = peers.emsp.call("GET", link.substring(peers.adapter.baseUrl().length() + 1, link.indexOf('>')), null).assertStatus(200);
        assertThat(normal(second.data().get(0))).isEqualTo(ours211("T3", "2024-03-01T00:00:00Z"));

        Reply from = peers.emsp.call("GET", peers.emsp.ours("tariffs") + "?date_from=2024-02-15T00:00:00Z", null).assertStatus(200);
        assertThat(from.data()).hasSize(1);
        assertThat(from.data().get(0).get("id").asText()).isEqualTo("T3");
    }

    @Test
    void ourTariffsArePushedToTheEmspIn211Shape() {
        FakePeer.Received put = peers.emsp.awaitReceived("/2.1.1/tariffs/NL/ADC/T1", 1);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(normal(json(put.body()))).isEqualTo(ours211("T1", "2024-01-01T00:00:00Z"));
    }

    // --- 2.2 eMSP interface -------------------------------------------------------------------------------------

    @Test
    void theCpoPutsATariffReadsItBackAndDeletesIt() {
        ObjectNode sent = tariff("C1");
        assertThat(peers.cpo.call("PUT", theirs("C1"), sent.toString()).assertStatus(201).ocpiStatus()).isEqualTo(1000);
        JsonNode back = peers.cpo.call("GET", theirs("C1"), null).assertStatus(200).data();
        assertThat(normal(back)).isEqualTo(normal(sent));
        assertThat(peers.cpo.call("PUT", theirs("C1"), sent.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);

        assertThat(peers.cpo.call("DELETE", theirs("C1"), null).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        Reply gone = peers.cpo.call("GET", theirs("C1"), null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.ocpiStatus()).isEqualTo(2000);
        assertThat(peers.cpo.call("DELETE", theirs("C1"), null).status()).isEqualTo(404);
    }

    @Test
    void theCpoPatchesATariff() {
        peers.cpo.call("PUT", theirs("P1"), tariff("P1").toString()).assertStatus(201);
        ObjectNode patch = object("""
                {"elements": [{"price_components": [{"type": "TIME", "price": 2.50, "step_size": 300}]}],
                 "last_updated": "2016-01-01T00:00:00Z"}""");
        Reply patched = peers.cpo.call("PATCH", theirs("P1"), patch.toString());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.ocpiStatus()).isEqualTo(1000);
        ObjectNode expected = tariff("P1");
        expected.setAll(patch);
        assertThat(normal(peers.cpo.call("GET", theirs("P1"), null).assertStatus(200).data())).isEqualTo(normal(expected));

        // 2.2.1 has no PATCH of tariffs.
        Reply in221 = peers.cpo.call("PATCH", "/ocpi/emsp/2.2.1/tariffs/BE/BEC/P1", patch.toString());
        assertThat(in221.status()).isEqualTo(405);
        assertThat(in221.ocpiStatus()).isEqualTo(2000);
    }

    @Test
    void aTariffLackingARequiredFieldOrWithAValue211LacksIsRefusedNamingTheField() {
        ObjectNode noCurrency = tariff("B1");
        noCurrency.remove("currency");
        Reply refused = peers.cpo.call("PUT", theirs("B1"), noCurrency.toString());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.ocpiStatus()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText()).isEqualTo("currency: must not be null");

        ObjectNode noPrice = tariff("B2");
        ((ObjectNode) noPrice.at("/elements/0/price_components/0")).remove("price");
        Reply price = peers.cpo.call("PUT", theirs("B2"), noPrice.toString());
        assertThat(price.ocpiStatus()).isEqualTo(2001);
        assertThat(price.json().get("status_message").asText()).startsWith("elements[0].price_components[0].price: ");

        // A reservation restriction is 2.2.1's (mod_tariffs.md 4.5 has none): a 2.1.1 tariff cannot say it.
        ObjectNode reservation = tariff("B3");
        ((ObjectNode) reservation.at("/elements/0")).putObject("restrictions").put("reservation", "RESERVATION");
        Reply restriction = peers.cpo.call("PUT", theirs("B3"), reservation.toString());
        assertThat(restriction.ocpiStatus()).isEqualTo(2001);
        assertThat(restriction.json().get("status_message").asText()).startsWith("elements[0].restrictions.reservation: ");
        for (String id : new String[] {"B1", "B2", "B3"}) {
            assertThat(peers.cpo.call("GET", theirs(id), null).status()).isEqualTo(404);
        }
    }

    @Test
    void aTariffOfAnotherPartyIsRefused() {
        Reply other = peers.cpo.call("PUT", peers.cpo.ours("tariffs") + "/NL/OTH/O1", tariff("O1").toString());
        assertThat(other.ocpiStatus()).isNotEqualTo(1000);
        assertThat(other.status()).isIn(403, 404);
        assertThat(peers.cpo.call("GET", theirs("O1"), null, "wrong-token").status()).isEqualTo(401);
    }

    @Test
    void theAdapterPullsTheCpoTariffsFollowingItsLinks() {
        ArrayNode page1 = AdapterInstance.JSON.createArrayNode().add(tariff("PULL1"));
        ArrayNode page2 = AdapterInstance.JSON.createArrayNode().add(tariff("PULL2"));
        peers.cpo.server.on("/2.1.1/tariffs", request -> "1".equals(request.param("offset"))
                ? Scripted211.page(page2, 2, 1, null)
                : Scripted211.page(page1, 2, 1, peers.cpo.server.url("/2.1.1/tariffs?offset=1&limit=1")));
        Reply pulled = peers.adapter.admin("POST", "/peers/" + peers.cpo.id + "/pull-tariffs", null).assertStatus(200);
        assertThat(pulled.json().get("stored").asLong()).isEqualTo(2);
        assertThat(peers.cpo.received("/2.1.1/tariffs")).hasSize(2);
        for (String id : new String[] {"PULL1", "PULL2"}) {
            assertThat(normal(peers.cpo.call("GET", theirs(id), null).assertStatus(200).data())).isEqualTo(normal(tariff(id)));
        }
    }
}
