package io.ocpi.adapter.modules.tariffs.v211;

import static io.ocpi.adapter.support.Spec211.FROM_PEER;
import static io.ocpi.adapter.support.Spec211.accepted;
import static io.ocpi.adapter.support.Spec211.example;
import static io.ocpi.adapter.support.Spec211.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.WireForm.UntranslatableException;
import io.ocpi.adapter.support.Spec211;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2.1.1 Tariff form against the examples of mod_tariffs.md and canonical tariffs through 2.1.1 and back. */
class TariffForm211Test {

    private static final String TEXT = "mod_tariffs.md";
    private final WireForm tariffs = new TariffForm211();

    @ParameterizedTest
    @ValueSource(strings = {"Simple Tariff example 2 euro per hour", "Simple Tariff example with alternative multi language text",
            "Simple Tariff example with alternative URL", "Complex Tariff example", "Free of Charge Tariff example"})
    void theTariffExamplesAreValidAndComeBack(String heading) {
        ObjectNode wire = example(TEXT, heading).body();
        ObjectNode canonical = accepted(tariffs.toCanonical(wire, FROM_PEER), Tariff.class);
        assertThat(canonical.get("country_code").asText()).isEqualTo("BE");
        assertThat(canonical.get("party_id").asText()).isEqualTo("BEC");
        assertThat(normal(tariffs.toWire(canonical))).isEqualTo(normal(wire));
    }

    @Test
    void thePutExampleIsRefusedForItsMissingLastUpdatedAndAcceptedWithIt() {
        ObjectNode wire = example(TEXT, "Example: New Tariff 2 euro per hour").body();
        assertThatThrownBy(() -> accepted(tariffs.toCanonical(wire, FROM_PEER), Tariff.class)).isInstanceOf(OcpiException.class)
                .hasMessage("last_updated: must not be null");
        wire.put("last_updated", "2015-06-29T20:39:09Z");
        ObjectNode canonical = accepted(tariffs.toCanonical(wire, FROM_PEER), Tariff.class);
        assertThat(normal(tariffs.toWire(canonical))).isEqualTo(normal(wire));
    }

    @Test
    void thePatchExampleStaysPartial() {
        ObjectNode patch = example(TEXT, "Example: Change Tariff to 2,50").body();
        ObjectNode canonical = tariffs.toCanonical(patch, FROM_PEER);
        assertThat(canonical).isEqualTo(patch);
        ObjectNode stored = accepted(tariffs.toCanonical(example(TEXT, "Simple Tariff example 2 euro per hour").body(), FROM_PEER),
                Tariff.class);
        stored.setAll(canonical);
        assertThat(accepted(stored, Tariff.class).at("/elements/0/price_components/0/price").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(tariffs.toWire(canonical)).isEqualTo(patch);
    }

    @Test
    void restrictionsTwoOneOneCannotSayAreUntranslatableNamingThem() {
        ObjectNode canonical = accepted(tariffs.toCanonical(example(TEXT, "Complex Tariff example").body(), FROM_PEER), Tariff.class);
        ((ObjectNode) canonical.at("/elements/2/restrictions")).put("reservation", "RESERVATION");
        assertThatThrownBy(() -> tariffs.toWire(canonical)).isInstanceOf(UntranslatableException.class)
                .hasMessageStartingWith("elements[2].restrictions.reservation: ");
    }

    @Test
    void pricesIncludingTaxesAreWrittenWithoutThem() {
        ObjectNode canonical = accepted(tariffs.toCanonical(example(TEXT, "Simple Tariff example 2 euro per hour").body(), FROM_PEER),
                Tariff.class);
        canonical.put("tax_included", "YES").put("preauthorize_amount", 20);
        ((ObjectNode) canonical.at("/elements/0/price_components/0")).put("price", 2.42).put("vat", 21);
        ObjectNode wire = tariffs.toWire(canonical);
        assertThat(wire.has("tax_included") || wire.has("preauthorize_amount")).isFalse();
        assertThat(wire.at("/elements/0/price_components/0/price").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(wire.at("/elements/0/price_components/0").has("vat")).isFalse();
    }

    // --- canonical → 2.1.1 → canonical ------------------------------------------------------------------------------

    private static final List<String> RESTRICTIONS_NOT_IN_211 = List.of("min_current", "max_current", "reservation");

    /** What of a canonical Tariff comes back through 2.1.1: its owner upper-case (CiStrings); no type, price range, period, VAT. */
    static ObjectNode carried(ObjectNode canonical) {
        ObjectNode tariff = canonical.deepCopy();
        for (String field : List.of("country_code", "party_id")) {
            if (tariff.has(field)) {
                tariff.put(field, tariff.get(field).asText().toUpperCase(Locale.ROOT));
            }
        }
        List.of("type", "min_price", "max_price", "start_date_time", "end_date_time").forEach(tariff::remove);
        for (JsonNode element : tariff.path("elements")) {
            for (JsonNode component : element.path("price_components")) {
                ((ObjectNode) component).remove("vat");
            }
        }
        return tariff;
    }

    static String untranslatable(ObjectNode tariff) {
        JsonNode elements = tariff.path("elements");
        for (int i = 0; i < elements.size(); i++) {
            for (String field : RESTRICTIONS_NOT_IN_211) {
                if (elements.get(i).path("restrictions").hasNonNull(field)) {
                    return "elements[" + i + "].restrictions." + field;
                }
            }
        }
        return null;
    }

    @Provide
    Arbitrary<ObjectNode> canonicalTariffs() {
        return Spec211.canonical(Tariff.class);
    }

    @Provide
    Arbitrary<ObjectNode> partialTariffs() {
        return Spec211.partOf(Spec211.canonical(Tariff.class), Set.of("id", "country_code", "party_id"));
    }

    @Property(tries = 300)
    void tariffsKeepWhatTwoOneOneCarries(@ForAll("canonicalTariffs") ObjectNode tariff) {
        assertRoundTrip(tariff, true);
    }

    @Property(tries = 200)
    void partialTariffsStayPartial(@ForAll("partialTariffs") ObjectNode patch) {
        assertRoundTrip(patch, false);
    }

    private void assertRoundTrip(ObjectNode tariff, boolean whole) {
        String refused = untranslatable(tariff);
        if (refused != null) {
            assertThatThrownBy(() -> tariffs.toWire(tariff)).isInstanceOf(UntranslatableException.class)
                    .hasMessageStartingWith(refused + ": ");
            return;
        }
        ObjectNode wire = tariffs.toWire(tariff);
        assertThat(wire.has("country_code") || wire.has("party_id") || wire.has("type")).isFalse();
        WireForm.Parties parties = whole ? new WireForm.Parties(new Party(tariff.get("country_code").asText(),
                tariff.get("party_id").asText()), Spec211.OURS) : FROM_PEER;
        ObjectNode back = tariffs.toCanonical(wire, parties);
        assertThat(normal(whole ? accepted(back, Tariff.class) : back)).isEqualTo(normal(carried(tariff)));
    }
}
