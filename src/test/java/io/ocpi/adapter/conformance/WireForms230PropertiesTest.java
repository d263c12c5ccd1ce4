package io.ocpi.adapter.conformance;

import static io.ocpi.adapter.support.Spec230.normal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.ocpi.PriceShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.support.AllWireForms;
import io.ocpi.adapter.support.ModelCheck;
import io.ocpi.adapter.support.Spec230;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Canonical objects with and without 2.3.0's additions, through the 2.3.0 and 2.2.1 wire forms and back: 2.3.0 keeps
 * every field, 2.2.1 every field it can carry, and a partial body stays partial.
 */
class WireForms230PropertiesTest {

    static final WireForm.Parties PARTIES = new WireForm.Parties(null, null);
    static final List<String> CDR_PRICES = List.of("total_cost", "total_fixed_cost", "total_energy_cost", "total_time_cost",
            "total_parking_cost", "total_reservation_cost");

    record Sample(Class<?> type, ObjectNode canonical) {
        @Override
        public String toString() {
            return type.getSimpleName() + " " + canonical;
        }
    }

    static WireForm form(Class<?> type, VersionNumber version) {
        return AllWireForms.FORMS.of(type, version).orElseThrow();
    }

    static ObjectNode seed(String name, Class<?> type) {
        return AllWireForms.FORMS.of(type, VersionNumber.V2_3_0).orElseThrow()
                .toCanonical((ObjectNode) Spec230.example(name), PARTIES);
    }

    // --- Generated canonical objects ------------------------------------------------------------------------------

    static Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(4).map(BigDecimal::stripTrailingZeros)
                .map(amount -> amount.scale() < 0 ? amount.setScale(0) : amount);
    }

    static Arbitrary<ObjectNode> taxes() {
        return Combinators.combine(Arbitraries.of("VAT", "GST", "QST", "HST", "General Sales Tax"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20).injectNull(0.5),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("30")).ofScale(1).injectNull(0.5), amounts())
                .as((name, account, percentage, amount) -> {
                    ObjectNode tax = ModelCheck.JSON.createObjectNode().put("name", name);
                    if (account != null) {
                        tax.put("account_number", account);
                    }
                    if (percentage != null) {
                        tax.put("percentage", percentage);
                    }
                    return tax.put("amount", amount);
                });
    }

    /** A canonical price: as 2.2.1 gives it (incl_vat or not), or as 2.3.0 gives it (incl_vat the sum of the taxes). */
    static Arbitrary<ObjectNode> prices() {
        return Combinators.combine(amounts(), amounts().injectNull(0.3), taxes().list().ofMaxSize(3).injectNull(0.5))
                .as((excl, incl, taxes) -> {
                    ObjectNode price = ModelCheck.JSON.createObjectNode().put("excl_vat", excl);
                    if (taxes != null) {
                        BigDecimal sum = excl;
                        ArrayNode list = price.putArray("taxes");
                        for (ObjectNode tax : taxes) {
                            sum = sum.add(tax.get("amount").decimalValue());
                            list.add(tax);
                        }
                        price.put("incl_vat", sum);
                    } else if (incl != null) {
                        price.put("incl_vat", excl.add(incl));
                    }
                    return price;
                });
    }

    static Arbitrary<ObjectNode> tariffs() {
        return Combinators.combine(Arbitraries.of("tariff_4_complex.json", "tariff_12_025kwh_min_price.json", "tariff_1_simple_2hour.json"),
                prices().injectNull(0.5), prices().injectNull(0.5), Arbitraries.of("YES", "NO", "N/A").injectNull(0.4),
                amounts().injectNull(0.5)).as((name, min, max, taxIncluded, preauthorize) -> {
                    ObjectNode tariff = seed(name, Tariff.class);
                    tariff.remove(List.of("min_price", "max_price", "tax_included"));
                    setIf(tariff, "min_price", min);
                    setIf(tariff, "max_price", max);
                    if (taxIncluded != null) {
                        tariff.put("tax_included", taxIncluded);
                    }
                    if (preauthorize != null) {
                        tariff.put("preauthorize_amount", preauthorize);
                    }
                    return tariff;
                });
    }

    static Arbitrary<ObjectNode> sessions() {
        return prices().injectNull(0.2).map(cost -> {
            ObjectNode session = seed("session_example_2_short_finished.json", Session.class);
            session.remove("total_cost");
            setIf(session, "total_cost", cost);
            return session;
        });
    }

    static Arbitrary<ObjectNode> cdrs() {
        return Combinators.combine(prices(), prices().injectNull(0.5).list().ofSize(CDR_PRICES.size() - 1), tariffs().list().ofMaxSize(2))
                .as((total, others, tariffs) -> {
                    ObjectNode cdr = seed("cdr_example.json", Cdr.class);
                    cdr.remove(CDR_PRICES);
                    cdr.set("total_cost", total);
                    for (int i = 1; i < CDR_PRICES.size(); i++) {
                        setIf(cdr, CDR_PRICES.get(i), others.get(i - 1));
                    }
                    cdr.remove("tariffs");
                    if (!tariffs.isEmpty()) {
                        cdr.putArray("tariffs").addAll(tariffs);
                    }
                    return cdr;
                });
    }

    /** Locations with and without what 2.3.0 added to them. */
    static Arbitrary<ObjectNode> locations() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(25).injectNull(0.5)).as((parking, providers, capabilities, phone) -> {
                    ObjectNode location = seed("location_example.json", Location.class);
                    for (JsonNode evse : location.get("evses")) {
                        if (!parking) {
                            ((ObjectNode) evse).remove("parking");
                        }
                        if (providers) {
                            ((ObjectNode) evse).putArray("accepted_service_providers").add("Provider A").add("Provider B");
                        }
                        for (JsonNode connector : evse.get("connectors")) {
                            if (capabilities) {
                                ((ObjectNode) connector).putArray("capabilities").add("ISO_15118_2_PLUG_AND_CHARGE");
                            }
                        }
                    }
                    if (!parking) {
                        location.remove("parking_places");
                    }
                    location.remove("help_phone");
                    if (phone != null) {
                        location.put("help_phone", phone);
                    }
                    return location;
                });
    }

    @Provide
    Arbitrary<Sample> canonical() {
        return Arbitraries.oneOf(tariffs().map(t -> new Sample(Tariff.class, t)), sessions().map(s -> new Sample(Session.class, s)),
                cdrs().map(c -> new Sample(Cdr.class, c)), locations().map(l -> new Sample(Location.class, l)));
    }

    // --- Properties ----------------------------------------------------------------------------------------------

    @Property(tries = 400)
    void everyObjectIsValidCanonically(@ForAll("canonical") Sample sample) {
        Object read = ModelCheck.BODIES.convert(sample.canonical(), sample.type());
        assertThat(normal(ModelCheck.JSON.valueToTree(read))).isEqualTo(normal(sample.canonical()));
    }

    @Property(tries = 400)
    void throughV230EveryFieldIsKept(@ForAll("canonical") Sample sample) {
        WireForm form = form(sample.type(), VersionNumber.V2_3_0);
        ObjectNode wire = form.toWire(sample.canonical());
        ObjectNode back = form.toCanonical(wire, PARTIES);
        assertThat(normal(back)).isEqualTo(normal(afterV230(sample.type(), sample.canonical())));
        assertThat(normal(form.toWire(back))).isEqualTo(normal(wire));
    }

    @Property(tries = 400)
    void throughV221EveryFieldItCanCarryIsKept(@ForAll("canonical") Sample sample) {
        // Prices that include taxes are changed for 2.2.1: pricesThatIncludeTaxesReachV221WithoutThem.
        if (sample.canonical().findValuesAsText("tax_included").contains("YES")) {
            return;
        }
        WireForm form = form(sample.type(), VersionNumber.V2_2_1);
        ObjectNode wire = form.toWire(sample.canonical());
        assertThat(fieldsOnlyV230Has(wire)).as("2.3.0 fields written to 2.2.1").isEmpty();
        ObjectNode back = form.toCanonical(wire, PARTIES);
        assertThat(normal(back)).isEqualTo(normal(withoutV230(sample.type(), sample.canonical())));
        ModelCheck.BODIES.convert(back, sample.type());
    }

    @Property(tries = 200)
    void whatHasNoV230FieldIsWrittenToV221AsItIs(@ForAll("canonical") Sample sample) {
        ObjectNode plain = withoutV230(sample.type(), sample.canonical());
        assertThat(form(sample.type(), VersionNumber.V2_2_1).toWire(plain)).isEqualTo(plain);
    }

    @Property(tries = 200)
    void pricesThatIncludeTaxesReachV221WithoutThem(@ForAll("tariffs") ObjectNode tariff) {
        tariff.put("tax_included", "YES");
        ObjectNode wire = form(Tariff.class, VersionNumber.V2_2_1).toWire(tariff);
        Iterator<JsonNode> written = components(wire).iterator();
        for (JsonNode component : components(tariff)) {
            JsonNode excl = written.next();
            BigDecimal price = component.get("price").decimalValue();
            if (component.has("vat")) {
                BigDecimal factor = BigDecimal.ONE.add(component.get("vat").decimalValue().movePointLeft(2));
                assertThat(excl.get("price").decimalValue().multiply(factor).subtract(price).abs()).isLessThanOrEqualTo(new BigDecimal("0.0001").multiply(factor));
            } else {
                assertThat(excl.get("price").decimalValue()).isEqualByComparingTo(price);
            }
        }
    }

    @Provide("tariffs")
    Arbitrary<ObjectNode> tariffArbitrary() {
        return tariffs();
    }

    @Property(tries = 400)
    void aPartialBodyStaysPartial(@ForAll("canonical") Sample sample, @ForAll("subsets") long choice) {
        ObjectNode partial = ModelCheck.JSON.createObjectNode();
        Iterator<String> names = sample.canonical().fieldNames();
        for (int i = 0; names.hasNext(); i++) {
            String name = names.next();
            if ((choice >> (i % 63) & 1) == 1) {
                partial.set(name, sample.canonical().get(name));
            }
        }
        for (VersionNumber version : List.of(VersionNumber.V2_3_0, VersionNumber.V2_2_1)) {
            WireForm form = form(sample.type(), version);
            ObjectNode wire = form.toWire(partial);
            Set<String> expected = names(partial);
            if (version == VersionNumber.V2_3_0 && sample.type() == Tariff.class && partial.has("elements")) {
                expected.add("tax_included");
            }
            if (version == VersionNumber.V2_2_1) {
                expected.removeAll(List.of("tax_included", "preauthorize_amount", "help_phone", "parking_places"));
            }
            assertThat(names(wire)).as(version.text()).isEqualTo(expected);
            assertThat(names(form.toCanonical(wire, PARTIES))).as(version.text()).isEqualTo(expected);
        }
    }

    @Provide("subsets")
    Arbitrary<Long> subsets() {
        return Arbitraries.longs();
    }

    // --- What each version does to the canonical form ---------------------------------------------------------------

    /**
     * The canonical object as it comes back from 2.3.0: a price that keeps no taxes but has incl_vat gets the one
     * derived VAT line; a tariff without tax_included gets NO; min_price and max_price lose their taxes (a PriceLimit
     * has none) and keep incl_vat.
     */
    static ObjectNode afterV230(Class<?> type, ObjectNode canonical) {
        ObjectNode expected = canonical.deepCopy();
        if (type == Session.class) {
            derivedTax(expected, "total_cost");
        } else if (type == Cdr.class) {
            CDR_PRICES.forEach(field -> derivedTax(expected, field));
            expected.path("tariffs").forEach(tariff -> tariffAfterV230((ObjectNode) tariff));
        } else if (type == Tariff.class) {
            tariffAfterV230(expected);
        }
        return expected;
    }

    private static void derivedTax(ObjectNode holder, String field) {
        if (holder.get(field) instanceof ObjectNode price && !price.has("taxes") && price.has("incl_vat")) {
            price.putArray("taxes").addObject().put("name", PriceShapes.DERIVED_TAX_NAME)
                    .put("amount", price.get("incl_vat").decimalValue().subtract(price.get("excl_vat").decimalValue()));
        }
    }

    private static void tariffAfterV230(ObjectNode tariff) {
        for (String field : List.of("min_price", "max_price")) {
            if (tariff.get(field) instanceof ObjectNode price) {
                price.remove("taxes");
            }
        }
        if (!tariff.has("tax_included")) {
            tariff.put("tax_included", "NO");
        }
    }

    /** The canonical object without the fields only 2.3.0 has. */
    static ObjectNode withoutV230(Class<?> type, ObjectNode canonical) {
        ObjectNode plain = canonical.deepCopy();
        if (type == Session.class) {
            withoutTaxes(plain, "total_cost");
        } else if (type == Cdr.class) {
            CDR_PRICES.forEach(field -> withoutTaxes(plain, field));
            plain.path("tariffs").forEach(tariff -> tariffWithoutV230((ObjectNode) tariff));
        } else if (type == Tariff.class) {
            tariffWithoutV230(plain);
        } else if (type == Location.class) {
            plain.remove(List.of("help_phone", "parking_places"));
            for (JsonNode evse : plain.path("evses")) {
                ((ObjectNode) evse).remove(List.of("parking", "accepted_service_providers"));
                evse.path("connectors").forEach(connector -> ((ObjectNode) connector).remove("capabilities"));
            }
        }
        return plain;
    }

    private static void withoutTaxes(ObjectNode holder, String field) {
        if (holder.get(field) instanceof ObjectNode price) {
            price.remove("taxes");
        }
    }

    private static void tariffWithoutV230(ObjectNode tariff) {
        tariff.remove(List.of("tax_included", "preauthorize_amount"));
        withoutTaxes(tariff, "min_price");
        withoutTaxes(tariff, "max_price");
    }

    private static List<String> fieldsOnlyV230Has(JsonNode json) {
        List<String> found = new ArrayList<>();
        collect(json, found);
        return found;
    }

    private static void collect(JsonNode json, List<String> found) {
        if (json instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                if (Set.of("taxes", "tax_included", "preauthorize_amount", "help_phone", "parking_places", "parking",
                        "accepted_service_providers", "before_taxes", "after_taxes").contains(name)
                        || name.equals("capabilities") && object.has("standard")) {
                    found.add(name);
                }
            });
        }
        json.forEach(child -> collect(child, found));
    }

    private static List<JsonNode> components(JsonNode tariff) {
        List<JsonNode> components = new ArrayList<>();
        tariff.path("elements").forEach(element -> element.path("price_components").forEach(components::add));
        return components;
    }

    private static Set<String> names(ObjectNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void setIf(ObjectNode holder, String field, JsonNode value) {
        if (value != null) {
            holder.set(field, value);
        }
    }
}
