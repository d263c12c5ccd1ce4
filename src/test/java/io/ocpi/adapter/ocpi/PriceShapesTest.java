package io.ocpi.adapter.ocpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.support.AllWireForms;
import io.ocpi.adapter.support.ModelCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The rules of {@link PriceShapes} and of the tariff's prices, each on one small price. */
class PriceShapesTest {

    static final WireForm.Parties PARTIES = new WireForm.Parties(null, null);

    static ObjectNode json(String text) throws IOException {
        return (ObjectNode) ModelCheck.JSON.readTree(text);
    }

    @Test
    void inclVatIsBeforeTaxesPlusTheTaxes() throws IOException {
        ObjectNode holder = json("{\"total_cost\": {\"before_taxes\": 10.00, \"taxes\": [{\"name\": \"GST\", \"percentage\": 5, \"amount\": 0.50},"
                + " {\"name\": \"QST\", \"account_number\": \"1234\", \"amount\": 1.00}]}}");
        PriceShapes.fromV230(holder, "total_cost", "");
        assertThat(holder.get("total_cost").get("excl_vat").decimalValue()).isEqualByComparingTo("10");
        assertThat(holder.get("total_cost").get("incl_vat").decimalValue()).isEqualByComparingTo("11.50");
        assertThat(holder.get("total_cost").get("taxes")).hasSize(2);
    }

    @Test
    void withoutTaxesThereIsNoInclVat() throws IOException {
        ObjectNode holder = json("{\"total_cost\": {\"before_taxes\": 2.5}}");
        PriceShapes.fromV230(holder, "total_cost", "");
        assertThat(holder.get("total_cost").toString()).isEqualTo("{\"excl_vat\":2.5}");
    }

    @Test
    void inclVatWithoutTaxesBecomesOneVatLine() throws IOException {
        ObjectNode holder = json("{\"total_cost\": {\"excl_vat\": 8.50, \"incl_vat\": 9.35}}");
        PriceShapes.toV230(holder, "total_cost");
        assertThat(holder.get("total_cost").get("before_taxes").decimalValue()).isEqualByComparingTo("8.50");
        assertThat(holder.get("total_cost").get("taxes").get(0).get("name").asText()).isEqualTo("VAT");
        assertThat(holder.get("total_cost").get("taxes").get(0).get("amount").decimalValue()).isEqualByComparingTo("0.85");
        assertThat(holder.get("total_cost").get("taxes").get(0).has("percentage")).isFalse();
    }

    @Test
    void v221GetsNoTaxesAndAnInclVatDerivedFromThem() throws IOException {
        ObjectNode holder = json("{\"total_cost\": {\"excl_vat\": 4, \"taxes\": [{\"name\": \"VAT\", \"amount\": 0.84}]}}");
        PriceShapes.toV221(holder, "total_cost");
        assertThat(holder.get("total_cost").has("taxes")).isFalse();
        assertThat(holder.get("total_cost").get("incl_vat").decimalValue()).isEqualByComparingTo("4.84");
    }

    @Test
    void aPriceWithoutBeforeTaxesOrATaxWithoutAmountIsRefusedNamingIt() throws IOException {
        WireForm sessions = AllWireForms.FORMS.of(Session.class, VersionNumber.V2_3_0).orElseThrow();
        assertThatThrownBy(() -> sessions.toCanonical(json("{\"total_cost\": {\"taxes\": []}}"), PARTIES))
                .isInstanceOf(OcpiException.class).hasMessage("total_cost.before_taxes: must not be null")
                .extracting(e -> ((OcpiException) e).status()).isEqualTo(OcpiStatus.INVALID_OR_MISSING_PARAMETERS);
        assertThatThrownBy(() -> sessions.toCanonical(json("{\"total_cost\": {\"before_taxes\": 1, \"taxes\": [{\"name\": \"VAT\"}]}}"), PARTIES))
                .hasMessage("total_cost.taxes[0].amount: must not be null");
        WireForm tariffs = AllWireForms.FORMS.of(Tariff.class, VersionNumber.V2_3_0).orElseThrow();
        assertThatThrownBy(() -> tariffs.toCanonical(json("{\"max_price\": {\"after_taxes\": 5}}"), PARTIES))
                .hasMessage("max_price.before_taxes: must not be null");
    }

    @Test
    void aTariffWhosePricesIncludeTaxesReachesV221WithoutThem() throws IOException {
        ObjectNode tariff = json("{\"tax_included\": \"YES\", \"preauthorize_amount\": 20, \"elements\": [{\"price_components\": ["
                + "{\"type\": \"TIME\", \"price\": 2.10, \"vat\": 5.0, \"step_size\": 60},"
                + "{\"type\": \"FLAT\", \"price\": 1.00, \"step_size\": 1}]}]}");
        ObjectNode wire = AllWireForms.FORMS.of(Tariff.class, VersionNumber.V2_2_1).orElseThrow().toWire(tariff);
        assertThat(wire.has("tax_included")).isFalse();
        assertThat(wire.has("preauthorize_amount")).isFalse();
        assertThat(wire.at("/elements/0/price_components/0/price").decimalValue()).isEqualByComparingTo("2.0000");
        assertThat(wire.at("/elements/0/price_components/1/price").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(tariff.get("tax_included").asText()).as("the canonical tariff is not changed").isEqualTo("YES");
    }
}
