package io.ocpi.adapter.modules.locations.v211;

import static io.ocpi.adapter.support.Spec211.FROM_PEER;
import static io.ocpi.adapter.support.Spec211.accepted;
import static io.ocpi.adapter.support.Spec211.example;
import static io.ocpi.adapter.support.Spec211.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.Connector;
import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.WireForm.UntranslatableException;
import io.ocpi.adapter.support.Spec211;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The 2.1.1 Location, EVSE and Connector forms: the examples of mod_locations.md made canonical are valid and come
 * back as they were; canonical objects keep, through 2.1.1, every field 2.1.1 carries; what 2.1.1 cannot say is
 * refused naming the field.
 */
class LocationForms211Test {

    private static final String TEXT = "mod_locations.md";
    /** The time zones of ocpi.time-zones these tests use: the example's country, Belgium, and the Netherlands. */
    static final Map<String, ZoneId> TIME_ZONES = Map.of("BEL", ZoneId.of("Europe/Brussels"), "NLD", ZoneId.of("Europe/Amsterdam"));
    private final WireForm locations = new LocationForm211(TIME_ZONES);
    private final WireForm evses = new EvseForm211();
    private final WireForm connectors = new ConnectorForm211();

    /**
     * The text's Location example, corrected where it is no valid 2.1.1 Location: its second EVSE's connector has no
     * last_updated. It is given the time_zone it would get from its country, so that it comes back as it is sent.
     */
    static ObjectNode locationExample() {
        ObjectNode location = example(TEXT, "Example").body();
        location.put("time_zone", "Europe/Brussels");
        ((ObjectNode) location.at("/evses/1/connectors/0")).put("last_updated", "2015-06-29T20:39:09Z");
        return location;
    }

    @Test
    void theLocationExampleGetsItsCountrysTimeZoneAndIsRefusedForWhatItLacksAndAcceptedCorrected() {
        ObjectNode asWritten = example(TEXT, "Example").body();
        assertThat(asWritten.has("time_zone")).isFalse();
        assertThat(locations.toCanonical(asWritten, FROM_PEER).get("time_zone").asText()).isEqualTo("Europe/Brussels");
        assertThatThrownBy(() -> accepted(locations.toCanonical(asWritten, FROM_PEER), Location.class))
                .isInstanceOf(OcpiException.class).hasMessage("evses[1].connectors[0].last_updated: must not be null");
        ((ObjectNode) asWritten.at("/evses/1/connectors/0")).put("last_updated", "2015-06-29T20:39:09Z");
        assertThat(accepted(locations.toCanonical(asWritten, FROM_PEER), Location.class).get("time_zone").asText())
                .isEqualTo("Europe/Brussels");

        ObjectNode wire = locationExample();
        ObjectNode canonical = accepted(locations.toCanonical(wire, FROM_PEER), Location.class);
        assertThat(canonical.get("country_code").asText()).isEqualTo("BE");
        assertThat(canonical.get("party_id").asText()).isEqualTo("BEC");
        assertThat(canonical.get("publish").asBoolean()).isTrue();
        assertThat(canonical.get("parking_type").asText()).isEqualTo("ON_STREET");
        assertThat(canonical.at("/evses/0/connectors/0/max_voltage").asInt()).isEqualTo(220);
        assertThat(canonical.at("/evses/0/connectors/0/tariff_ids")).hasSize(1);

        assertThat(normal(locations.toWire(canonical))).isEqualTo(normal(withoutFieldsNotIn211(wire)));
    }

    @Test
    void aTimeZoneTheLocationGivesIsKept() {
        ObjectNode wire = locationExample().put("time_zone", "Europe/Amsterdam");
        assertThat(accepted(locations.toCanonical(wire, FROM_PEER), Location.class).get("time_zone").asText())
                .isEqualTo("Europe/Amsterdam");
    }

    @Test
    void theTimeZoneIsTheOneOfTheCountryTheTableGives() {
        ObjectNode wire = locationExample().put("country", "NLD");
        wire.remove("time_zone");
        assertThat(accepted(locations.toCanonical(wire, FROM_PEER), Location.class).get("time_zone").asText())
                .isEqualTo("Europe/Amsterdam");
        WireForm overridden = new LocationForm211(Map.of("NLD", ZoneId.of("Europe/Brussels")));
        assertThat(accepted(overridden.toCanonical(wire, FROM_PEER), Location.class).get("time_zone").asText())
                .isEqualTo("Europe/Brussels");
    }

    @Test
    void aLocationWithoutTimeZoneOfACountryNotInTheTableIsRefusedNamingTheSetting() {
        ObjectNode wire = locationExample().put("country", "ESP");
        wire.remove("time_zone");
        assertThatThrownBy(() -> locations.toCanonical(wire, FROM_PEER)).isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("time_zone: ").hasMessageContaining("set ocpi.time-zones.ESP ");
    }

    @Test
    void aPartialLocationGetsNoTimeZone() {
        ObjectNode patch = Spec211.json("{\"country\": \"BEL\", \"address\": \"F.Rooseveltlaan 3A\"}");
        assertThat(locations.toCanonical(patch, FROM_PEER).has("time_zone")).isFalse();
        assertThat(locations.toCanonical(patch, FROM_PEER)).isEqualTo(patch);
    }

    /** The example without the fields that are no fields of 2.1.1's EVSE and Connector: the EVSEs' "id" and a "status". */
    private static ObjectNode withoutFieldsNotIn211(ObjectNode wire) {
        ((ObjectNode) wire.at("/evses/0")).remove("id");
        ((ObjectNode) wire.at("/evses/1")).remove("id");
        ((ObjectNode) wire.at("/evses/1/connectors/0")).remove("status");
        return wire;
    }

    @Test
    void theEnergyMixAndOpeningTimesExamplesAreValidInALocation() {
        for (String heading : List.of("Simple:", "Tariff name based:", "Complete:", "4.19.1 Example")) {
            ObjectNode wire = locationExample();
            wire.setAll(example(TEXT, heading).body());
            ObjectNode canonical = accepted(locations.toCanonical(wire, FROM_PEER), Location.class);
            if (heading.equals("4.19.1 Example")) {
                // Its exceptional periods are written with an offset, which 2.1.1's DateTime (UTC) does not have:
                // they come back as the same instants in UTC.
                ((ObjectNode) wire.get("opening_times"))
                        .setAll(Spec211.json("""
                                {"exceptional_openings": [{"period_begin": "2014-06-21T07:00:00Z", "period_end": "2014-06-21T10:00:00Z"}],
                                 "exceptional_closings": [{"period_begin": "2014-06-23T22:00:00Z", "period_end": "2014-06-24T22:00:00Z"}]}"""));
            }
            assertThat(normal(locations.toWire(canonical))).as(heading).isEqualTo(normal(withoutFieldsNotIn211(wire)));
        }
    }

    @Test
    void regularHoursAloneAreNotTwentyFourSeven() {
        ObjectNode wire = locationExample();
        wire.set("opening_times", Spec211.json("""
                {"regular_hours": [{"weekday": 1, "period_begin": "08:00", "period_end": "20:00"}]}"""));
        ObjectNode canonical = accepted(locations.toCanonical(wire, FROM_PEER), Location.class);
        assertThat(canonical.at("/opening_times/twentyfourseven").asBoolean(true)).isFalse();
    }

    @Test
    void thePatchExamplesStayPartialAndApplyToTheLocation() {
        ObjectNode location = accepted(locations.toCanonical(locationExample(), FROM_PEER), Location.class);
        ObjectNode evse = (ObjectNode) location.at("/evses/0");
        ObjectNode connector = (ObjectNode) evse.at("/connectors/0");

        ObjectNode status = example(TEXT, "Example: a simple status update").body();
        assertPatch(evses, status, evse, Evse.class, Spec211.json("{\"status\": \"CHARGING\"}"));
        ObjectNode removed = example(TEXT, "Example: delete an EVSE").body();
        assertPatch(evses, removed, evse, Evse.class, Spec211.json("{\"status\": \"REMOVED\"}"));
        ObjectNode name = example(TEXT, "Example: change the location name").body();
        assertPatch(locations, name, location, Location.class, Spec211.json("{\"name\": \"Interparking Gent Zuid\"}"));
        ObjectNode tariff = example(TEXT, "Example: set tariff update").body();
        assertPatch(connectors, tariff, connector, Connector.class, Spec211.json("{\"tariff_ids\": [\"15\"]}"));
    }

    private static void assertPatch(WireForm form, ObjectNode patch, ObjectNode stored, Class<?> type, ObjectNode expected) {
        ObjectNode canonical = form.toCanonical(patch, FROM_PEER);
        assertThat(canonical).isEqualTo(expected);
        ObjectNode patched = stored.deepCopy();
        patched.setAll(canonical);
        accepted(patched, type);
        assertThat(form.toWire(canonical)).isEqualTo(patch);
    }

    @Test
    void theAddEvseExampleIsRefusedNamingWhatItLacks() {
        ObjectNode wire = example(TEXT, "Example: add an EVSE").body();
        // It writes a number for physical_reference, "floor" for floor_level, and lacks last_updated and, in its
        // connector, power_type, voltage, amperage and last_updated.
        assertThatThrownBy(() -> accepted(evses.toCanonical(wire, FROM_PEER), Evse.class)).isInstanceOf(OcpiException.class)
                .hasMessage("physical_reference: must be a string");
        wire.put("physical_reference", "3");
        assertThatThrownBy(() -> accepted(evses.toCanonical(wire, FROM_PEER), Evse.class)).isInstanceOf(OcpiException.class)
                .hasMessage("connectors[0].last_updated: must not be null; connectors[0].max_amperage: must not be null; "
                        + "connectors[0].max_voltage: must not be null; connectors[0].power_type: must not be null; "
                        + "last_updated: must not be null");
        wire.remove("floor");
        wire.put("floor_level", "-1").put("last_updated", "2015-06-29T20:39:09Z");
        ((ObjectNode) wire.at("/connectors/0")).put("power_type", "AC_3_PHASE").put("voltage", 220).put("amperage", 16)
                .put("last_updated", "2015-06-29T20:39:09Z");
        ObjectNode canonical = accepted(evses.toCanonical(wire, FROM_PEER), Evse.class);
        assertThat(normal(evses.toWire(canonical))).isEqualTo(normal(wire));
    }

    @Test
    void aLocationTypeOutsideTheListIsRefused() {
        ObjectNode wire = locationExample().put("type", "on_street");
        assertThatThrownBy(() -> locations.toCanonical(wire, FROM_PEER)).isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("type: must be one of");
    }

    @Test
    void otherAndUnknownLocationTypesHaveNoParkingType() {
        for (String type : List.of("OTHER", "UNKNOWN")) {
            ObjectNode canonical = accepted(locations.toCanonical(locationExample().put("type", type), FROM_PEER), Location.class);
            assertThat(canonical.has("parking_type")).isFalse();
            assertThat(locations.toWire(canonical).get("type").asText()).isEqualTo("UNKNOWN");
        }
    }

    @Test
    void whatTwoOneOneCannotSayIsUntranslatableNamingTheField() {
        ObjectNode location = accepted(locations.toCanonical(locationExample(), FROM_PEER), Location.class);
        assertThatThrownBy(() -> locations.toWire(location.deepCopy().put("publish", false)))
                .isInstanceOf(UntranslatableException.class).hasMessageStartingWith("publish: ");
        ObjectNode withoutPostalCode = location.deepCopy();
        withoutPostalCode.remove("postal_code");
        assertThatThrownBy(() -> locations.toWire(withoutPostalCode))
                .isInstanceOf(UntranslatableException.class).hasMessageStartingWith("postal_code: ");
        ObjectNode gbt = location.deepCopy();
        ((ObjectNode) gbt.at("/evses/1/connectors/0")).put("standard", "GBT_DC");
        assertThatThrownBy(() -> locations.toWire(gbt))
                .isInstanceOf(UntranslatableException.class).hasMessageStartingWith("evses[1].connectors[0].standard: ");
    }

    @Test
    void whatOnly230AddedIsNotWrittenIn211() {
        ObjectNode location = accepted(locations.toCanonical(locationExample(), FROM_PEER), Location.class);
        ObjectNode with230 = location.deepCopy().put("help_phone", "+32123456789");
        with230.putArray("parking_places");
        ObjectNode evse = (ObjectNode) with230.at("/evses/0");
        evse.putArray("accepted_service_providers").add("NL*TNM");
        evse.putArray("parking");
        ((ObjectNode) evse.at("/connectors/0")).putArray("capabilities").add("ISO_15118_2_PLUG_AND_CHARGE");
        assertThat(normal(locations.toWire(with230))).isEqualTo(normal(locations.toWire(location)));

        ObjectNode mcs = location.deepCopy();
        ((ObjectNode) mcs.at("/evses/0/connectors/1")).put("standard", "MCS");
        assertThatThrownBy(() -> locations.toWire(mcs)).isInstanceOf(UntranslatableException.class)
                .hasMessageStartingWith("evses[0].connectors[1].standard: ");
    }

    // --- canonical → 2.1.1 → canonical ------------------------------------------------------------------------------

    private static final Set<String> FACILITIES_NOT_IN_211 = Set.of("BIKE_SHARING", "TRAM_STOP", "METRO_STATION", "PARKING_LOT");
    private static final Set<String> CAPABILITIES_NOT_IN_211 = Set.of("CHARGING_PREFERENCES_CAPABLE", "CHIP_CARD_SUPPORT",
            "CONTACTLESS_CARD_SUPPORT", "DEBIT_CARD_PAYABLE", "PED_TERMINAL", "START_SESSION_CONNECTOR_REQUIRED", "TOKEN_GROUP_CAPABLE");
    private static final Set<String> STANDARDS_IN_211 = Set.of("CHADEMO", "DOMESTIC_A", "DOMESTIC_B", "DOMESTIC_C", "DOMESTIC_D",
            "DOMESTIC_E", "DOMESTIC_F", "DOMESTIC_G", "DOMESTIC_H", "DOMESTIC_I", "DOMESTIC_J", "DOMESTIC_K", "DOMESTIC_L",
            "IEC_60309_2_single_16", "IEC_60309_2_three_16", "IEC_60309_2_three_32", "IEC_60309_2_three_64", "IEC_62196_T1",
            "IEC_62196_T1_COMBO", "IEC_62196_T2", "IEC_62196_T2_COMBO", "IEC_62196_T3A", "IEC_62196_T3C", "TESLA_R", "TESLA_S");

    /**
     * What of a canonical Location comes back through 2.1.1: its owner, upper-case as parties are kept (CiStrings),
     * and publish only when whole (every 2.1.1 location is published; a PATCH does not say so again).
     */
    static ObjectNode carriedLocation(ObjectNode canonical, boolean whole) {
        ObjectNode location = canonical.deepCopy();
        upperCaseOwner(location);
        if (!whole) {
            location.remove("publish");
        }
        location.remove("publish_allowed_to");
        location.remove("state");
        if (Set.of("ALONG_MOTORWAY", "ON_DRIVEWAY").contains(location.path("parking_type").asText())) {
            location.remove("parking_type");
        }
        without(location, "facilities", FACILITIES_NOT_IN_211);
        for (JsonNode evse : location.path("evses")) {
            carriedEvse((ObjectNode) evse);
        }
        return location;
    }

    static ObjectNode carriedEvse(ObjectNode evse) {
        without(evse, "capabilities", CAPABILITIES_NOT_IN_211);
        for (JsonNode connector : evse.path("connectors")) {
            carriedConnector((ObjectNode) connector);
        }
        return evse;
    }

    static ObjectNode carriedConnector(ObjectNode connector) {
        if (connector.path("power_type").asText().startsWith("AC_2_PHASE")) {
            connector.put("power_type", "AC_1_PHASE");
        }
        connector.remove("max_electric_power");
        JsonNode tariffs = connector.remove("tariff_ids");
        if (tariffs != null && !tariffs.isEmpty()) {
            connector.set("tariff_ids", connector.arrayNode().add(tariffs.get(0)));
        }
        return connector;
    }

    static void upperCaseOwner(ObjectNode object) {
        for (String field : List.of("country_code", "party_id")) {
            if (object.has(field)) {
                object.put(field, object.get(field).asText().toUpperCase(java.util.Locale.ROOT));
            }
        }
    }

    private static void without(ObjectNode node, String field, Set<String> values) {
        if (node.get(field) instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (values.contains(list.get(i).asText())) {
                    list.remove(i);
                }
            }
        }
    }

    /** The field a canonical Location cannot be written in 2.1.1 for, or null. */
    static String untranslatable(ObjectNode location, boolean whole) {
        if (location.has("publish") && !location.get("publish").asBoolean()) {
            return "publish";
        }
        if (whole && !location.has("postal_code")) {
            return "postal_code";
        }
        JsonNode evses = location.path("evses");
        for (int i = 0; i < evses.size(); i++) {
            String field = untranslatableEvse(evses.get(i));
            if (field != null) {
                return "evses[" + i + "]." + field;
            }
        }
        return null;
    }

    static String untranslatableEvse(JsonNode evse) {
        JsonNode connectors = evse.path("connectors");
        for (int j = 0; j < connectors.size(); j++) {
            if (connectors.get(j).has("standard") && !STANDARDS_IN_211.contains(connectors.get(j).get("standard").asText())) {
                return "connectors[" + j + "].standard";
            }
        }
        return null;
    }

    private static WireForm.Parties ownersOf(ObjectNode location) {
        return new WireForm.Parties(new Party(location.path("country_code").asText("BE"), location.path("party_id").asText("BEC")),
                Spec211.OURS);
    }

    @Provide
    Arbitrary<ObjectNode> canonicalLocations() {
        return Spec211.canonical(Location.class);
    }

    @Provide
    Arbitrary<ObjectNode> canonicalEvses() {
        return Spec211.canonical(Evse.class);
    }

    @Provide
    Arbitrary<ObjectNode> canonicalConnectors() {
        return Spec211.canonical(Connector.class);
    }

    @Provide
    Arbitrary<ObjectNode> partialLocations() {
        return Spec211.partOf(Spec211.canonical(Location.class), Set.of("id", "country_code", "party_id"));
    }

    @Property(tries = 300)
    void locationsKeepWhatTwoOneOneCarries(@ForAll("canonicalLocations") ObjectNode location) {
        String refused = untranslatable(location, true);
        if (refused != null) {
            assertThatThrownBy(() -> locations.toWire(location)).isInstanceOf(UntranslatableException.class)
                    .hasMessageStartingWith(refused + ": ");
            return;
        }
        ObjectNode wire = locations.toWire(location);
        assertThat(wire.has("country_code") || wire.has("party_id") || wire.has("publish")).isFalse();
        ObjectNode back = accepted(locations.toCanonical(wire, ownersOf(location)), Location.class);
        assertThat(normal(back)).isEqualTo(normal(carriedLocation(location, true)));
    }

    @Property(tries = 200)
    void partialLocationsStayPartial(@ForAll("partialLocations") ObjectNode patch) {
        String refused = untranslatable(patch, false);
        if (refused != null) {
            assertThatThrownBy(() -> locations.toWire(patch)).isInstanceOf(UntranslatableException.class)
                    .hasMessageStartingWith(refused + ": ");
            return;
        }
        ObjectNode back = locations.toCanonical(locations.toWire(patch), FROM_PEER);
        assertThat(normal(back)).isEqualTo(normal(carriedLocation(patch, false)));
    }

    @Property(tries = 200)
    void evsesKeepWhatTwoOneOneCarries(@ForAll("canonicalEvses") ObjectNode evse) {
        String refused = untranslatableEvse(evse);
        if (refused != null) {
            assertThatThrownBy(() -> evses.toWire(evse)).isInstanceOf(UntranslatableException.class)
                    .hasMessageStartingWith(refused + ": ");
            return;
        }
        ObjectNode back = accepted(evses.toCanonical(evses.toWire(evse), FROM_PEER), Evse.class);
        assertThat(normal(back)).isEqualTo(normal(carriedEvse(evse.deepCopy())));
    }

    @Property(tries = 200)
    void connectorsKeepWhatTwoOneOneCarries(@ForAll("canonicalConnectors") ObjectNode connector) {
        if (!STANDARDS_IN_211.contains(connector.path("standard").asText())) {
            assertThatThrownBy(() -> connectors.toWire(connector)).isInstanceOf(UntranslatableException.class)
                    .hasMessageStartingWith("standard: ");
            return;
        }
        ObjectNode wire = connectors.toWire(connector);
        assertThat(wire.has("max_voltage") || wire.has("tariff_ids") || wire.has("max_electric_power")).isFalse();
        ObjectNode back = accepted(connectors.toCanonical(wire, FROM_PEER), Connector.class);
        assertThat(normal(back)).isEqualTo(normal(carriedConnector(connector.deepCopy())));
    }
}
