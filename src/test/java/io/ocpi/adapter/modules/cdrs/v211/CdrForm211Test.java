package io.ocpi.adapter.modules.cdrs.v211;

import static io.ocpi.adapter.support.Spec211.FROM_PEER;
import static io.ocpi.adapter.support.Spec211.accepted;
import static io.ocpi.adapter.support.Spec211.example;
import static io.ocpi.adapter.support.Spec211.json;
import static io.ocpi.adapter.support.Spec211.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.locations.v211.LocationForm211;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.WireForm.UntranslatableException;
import io.ocpi.adapter.support.Spec211;
import io.ocpi.adapter.support.StoreOfLocations;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The 2.1.1 CDR form against the example of mod_cdrs.md and canonical CDRs through 2.1.1 and back. */
class CdrForm211Test {

    private static final String TEXT = "mod_cdrs.md";
    private final StoreOfLocations store = new StoreOfLocations();
    private final WireForm cdrs = new CdrForm211(store);

    /**
     * The text's CDR example, refused for its tariff, whose price is a string and whose last_updated sits in its
     * element; the CDR example corrected is valid and comes back with the location as the CPO stores it.
     */
    @Test
    void theCdrExampleIsRefusedForItsTariffAndValidCorrected() {
        ObjectNode wire = example(TEXT, "Example of a CDR").body();
        assertThatThrownBy(() -> accepted(cdrs.toCanonical(wire, FROM_PEER), Cdr.class)).isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("tariffs[0].elements[0].price_components[0].price: ");
        ObjectNode tariff = (ObjectNode) wire.at("/tariffs/0");
        ((ObjectNode) tariff.at("/elements/0/price_components/0")).put("price", 2.00);
        tariff.set("last_updated", ((ObjectNode) tariff.at("/elements/0")).remove("last_updated"));

        ObjectNode canonical = accepted(cdrs.toCanonical(wire, FROM_PEER), Cdr.class);
        assertThat(canonical.get("end_date_time").asText()).isEqualTo("2015-06-29T23:37:32Z");
        assertThat(canonical.get("total_cost")).isEqualTo(json("{\"excl_vat\": 4.00}"));
        assertThat(canonical.at("/tariffs/0/party_id").asText()).isEqualTo("BEC");
        assertThat(canonical.get("cdr_location")).isEqualTo(json("""
                {"id": "LOC1", "name": "Gent Zuid", "address": "F.Rooseveltlaan 3A", "city": "Gent", "postal_code": "9000",
                 "country": "BE", "coordinates": {"latitude": "3.72994", "longitude": "51.04759"}, "evse_uid": "3256",
                 "evse_id": "BE-BEC-E041503003", "connector_id": "1", "connector_standard": "IEC_62196_T2",
                 "connector_format": "SOCKET", "connector_power_type": "AC_1_PHASE"}"""));

        // The CPO stores the example's location made valid: type upper-case, the EVSE's "STATUS" as status, a time zone.
        ObjectNode location = (ObjectNode) wire.get("location").deepCopy();
        location.put("type", "ON_STREET").put("time_zone", "Europe/Brussels");
        ObjectNode evse = (ObjectNode) location.at("/evses/0");
        evse.set("status", evse.remove("STATUS"));
        store.put(accepted(new LocationForm211(Map.of()).toCanonical(location, FROM_PEER), Location.class));
        wire.set("location", location);
        assertThat(normal(cdrs.toWire(canonical))).isEqualTo(normal(wire));
    }

    @Test
    void aCdrWithoutItsConnectorIsRefusedNamingIt() {
        ObjectNode wire = example(TEXT, "Example of a CDR").body();
        ((ObjectNode) wire.at("/location/evses/0")).remove("connectors");
        assertThatThrownBy(() -> cdrs.toCanonical(wire, FROM_PEER)).isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("location.evses[0].connectors[0]: ");
    }

    @Test
    void onlyFlatDimensionsAreRefusedNamingThePeriod() {
        ObjectNode wire = json("""
                {"charging_periods": [{"start_date_time": "2015-06-29T21:39:09Z", "dimensions": [{"type": "FLAT", "volume": 1}]}]}""");
        assertThatThrownBy(() -> cdrs.toCanonical(wire, FROM_PEER)).isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("charging_periods[0].dimensions: ");
    }

    @Test
    void aCreditCdrAndACdrAtALocationNotStoredAreUntranslatable() {
        ObjectNode cdr = Spec211.canonical(Cdr.class).sample();
        assertThatThrownBy(() -> cdrs.toWire(cdr.deepCopy().put("credit", true).put("credit_reference_id", "X")))
                .isInstanceOf(UntranslatableException.class).hasMessageStartingWith("credit: ");
        assertThatThrownBy(() -> cdrs.toWire(cdr)).isInstanceOf(UntranslatableException.class)
                .hasMessageStartingWith("cdr_location: ");
    }

    // --- canonical → 2.1.1 → canonical ------------------------------------------------------------------------------

    private static final List<String> FIELDS_NOT_IN_211 = List.of("session_id", "authorization_reference", "signed_data",
            "total_fixed_cost", "total_energy_cost", "total_time_cost", "total_parking_cost", "total_reservation_cost",
            "invoice_reference_id", "credit", "credit_reference_id", "home_charging_compensation");
    private static final Set<String> STANDARDS_NOT_IN_211 = Set.of("CHAOJI", "DOMESTIC_M", "DOMESTIC_N", "DOMESTIC_O",
            "GBT_AC", "GBT_DC", "NEMA_5_20", "NEMA_6_30", "NEMA_6_50", "NEMA_10_30", "NEMA_10_50", "NEMA_14_30", "NEMA_14_50",
            "PANTOGRAPH_BOTTOM_UP", "PANTOGRAPH_TOP_DOWN");
    private static final List<String> RESTRICTIONS_NOT_IN_211 = List.of("min_current", "max_current", "reservation");

    /** The field a canonical CDR cannot be written in 2.1.1 for, in the order the form looks, or null. */
    static String untranslatable(ObjectNode cdr) {
        if (cdr.path("credit").asBoolean(false)) {
            return "credit";
        }
        JsonNode location = cdr.get("cdr_location");
        if (!location.has("postal_code")) {
            return "cdr_location.postal_code";
        }
        if (STANDARDS_NOT_IN_211.contains(location.get("connector_standard").asText())) {
            return "cdr_location.evses[0].connectors[0].standard";
        }
        JsonNode tariffs = cdr.path("tariffs");
        for (int t = 0; t < tariffs.size(); t++) {
            JsonNode elements = tariffs.get(t).path("elements");
            for (int i = 0; i < elements.size(); i++) {
                for (String field : RESTRICTIONS_NOT_IN_211) {
                    if (elements.get(i).path("restrictions").hasNonNull(field)) {
                        return "tariffs[" + t + "].elements[" + i + "].restrictions." + field;
                    }
                }
            }
        }
        return CarriedThrough211.untranslatablePeriod(cdr);
    }

    /** What of a canonical CDR comes back through 2.1.1: see {@link CarriedThrough211}, and the tariffs as the CDR owner's. */
    static ObjectNode carried(ObjectNode canonical) {
        ObjectNode cdr = canonical.deepCopy();
        FIELDS_NOT_IN_211.forEach(cdr::remove);
        CarriedThrough211.sharedParts(cdr, CarriedThrough211.tokenIssuer(canonical));
        ObjectNode location = (ObjectNode) cdr.get("cdr_location");
        location.remove("state");
        if (location.path("connector_power_type").asText().startsWith("AC_2_PHASE")) {
            location.put("connector_power_type", "AC_1_PHASE");
        }
        for (JsonNode tariff : cdr.path("tariffs")) {
            ObjectNode owned = (ObjectNode) tariff;
            owned.set("country_code", cdr.get("country_code"));
            owned.set("party_id", cdr.get("party_id"));
            List.of("type", "min_price", "max_price", "start_date_time", "end_date_time").forEach(owned::remove);
            for (JsonNode element : owned.path("elements")) {
                for (JsonNode component : element.path("price_components")) {
                    ((ObjectNode) component).remove("vat");
                }
            }
        }
        return cdr;
    }

    @Provide
    Arbitrary<ObjectNode> canonicalCdrs() {
        return Spec211.canonical(Cdr.class);
    }

    @Property(tries = 300)
    void cdrsKeepWhatTwoOneOneCarries(@ForAll("canonicalCdrs") ObjectNode cdr) {
        JsonNode location = cdr.get("cdr_location");
        store.putExample(CarriedThrough211.owner(cdr), location.get("id").asText(), location.get("evse_uid").asText(),
                location.get("connector_id").asText());
        String refused = untranslatable(cdr);
        if (refused != null) {
            assertThatThrownBy(() -> cdrs.toWire(cdr)).isInstanceOf(UntranslatableException.class)
                    .hasMessageStartingWith(refused + ": ");
            return;
        }
        ObjectNode wire = cdrs.toWire(cdr);
        assertThat(wire.has("cdr_token") || wire.has("cdr_location") || wire.has("end_date_time")).isFalse();
        Party owner = CarriedThrough211.owner(cdr);
        WireForm.Parties parties = new WireForm.Parties(owner, CarriedThrough211.tokenIssuer(cdr));
        if (!CarriedThrough211.contractIdIsAUid(cdr)) {
            assertThatThrownBy(() -> accepted(cdrs.toCanonical(wire, parties), Cdr.class)).isInstanceOf(OcpiException.class)
                    .hasMessageStartingWith("cdr_token.uid: ");
            return;
        }
        ObjectNode back = accepted(cdrs.toCanonical(wire, parties), Cdr.class);
        assertThat(normal(back)).isEqualTo(normal(carried(cdr)));
    }
}
