package io.ocpi.adapter.modules.locations;

import static io.ocpi.adapter.support.ModelCheck.roundTrip;
import static io.ocpi.adapter.support.ModelCheck.specExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.TokenType;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The locations objects against the specification's own examples, and against bodies they must refuse. */
class LocationModelTest {

    private final ObjectMapper mapper = OcpiJson.newMapper();
    private final OcpiBodies bodies = new OcpiBodies(mapper);

    @ParameterizedTest
    @ValueSource(strings = {
            "location_example.json",
            "location_example_parking_garage_opening_hours.json",
            "location_example_uc2_destination_charger.json",
            "location_example_uc3_destination_charger_not_published.json",
            "location_example_uc4_limited_visibility.json",
            "location_example_uc5_home_charge_point.json"})
    void locationExamplesRoundTrip(String file) throws IOException {
        roundTrip(example(file), Location.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "location_hours_247_open_exception_closing.json",
            "location_hours_opening_hours_with_exceptional_closing.json",
            "location_hours_opening_hours_with_exceptional_opening.json"})
    void hoursExamplesRoundTrip(String file) throws IOException {
        roundTrip(example(file), Hours.class);
    }

    @Test
    void regularHoursExampleRoundTrips() throws IOException {
        // The file wraps the Hours object in the Location field it belongs to.
        Hours hours = roundTrip(example("location_regularhours_example.json").get("opening_times"), Hours.class);
        assertThat(hours.regularHours()).extracting(RegularHours::weekday).containsExactly(1, 2, 3, 4, 5);
        assertThat(hours.exceptionalClosings()).singleElement()
                .extracting(ExceptionalPeriod::periodBegin).isEqualTo(Instant.parse("2014-06-24T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "location_energymix_example_simple.json",
            "location_energymix_example_energy_provider.json",
            "location_energymix_example_complete.json"})
    void energyMixExamplesRoundTrip(String file) throws IOException {
        // Each file wraps the EnergyMix object in the Location field it belongs to.
        roundTrip(example(file).get("energy_mix"), EnergyMix.class);
    }

    @Test
    void locationExampleReadsAsExpected() throws IOException {
        Location location = bodies.read(specExample("location_example.json"), Location.class);

        assertThat(location.countryCode()).isEqualTo("BE");
        assertThat(location.partyId()).isEqualTo("BEC");
        assertThat(location.objectId()).isEqualTo("LOC1");
        assertThat(location.lastUpdated()).isEqualTo(Instant.parse("2015-06-29T20:39:09Z"));
        assertThat(location.parkingType()).isEqualTo(ParkingType.ON_STREET);
        assertThat(location.evses()).extracting(Evse::uid).containsExactly("3256", "3257");
        Evse first = location.evses().get(0);
        assertThat(first.evseId()).isEqualTo("BE*BEC*E041503001");
        assertThat(first.floorLevel()).isEqualTo("-1");
        assertThat(first.physicalReference()).isEqualTo("1");
        assertThat(first.capabilities()).containsExactly(Capability.RESERVABLE);
        Connector connector = first.connectors().get(0);
        assertThat(connector.powerType()).isEqualTo(PowerType.AC_3_PHASE);
        assertThat(connector.maxVoltage()).isEqualTo(220);
        assertThat(connector.tariffIds()).containsExactly("11");
    }

    @Test
    void limitedVisibilityExampleKeepsItsPublishTokens() throws IOException {
        Location location = bodies.read(specExample("location_example_uc4_limited_visibility.json"), Location.class);

        assertThat(location.publish()).isFalse();
        assertThat(location.publishAllowedTo()).extracting(PublishTokenType::visualNumber)
                .containsExactly("12345-67", "0055375624", null);
        assertThat(location.publishAllowedTo().get(2).type()).isEqualTo(TokenType.RFID);
    }

    @Test
    void addEvseExampleIsNotAValidEvseAndRoundTripsOnceCorrected() throws IOException {
        ObjectNode example = (ObjectNode) example("location_put_example_add_evse.json");

        // Flaws of the specification's own example: physical_reference is the number 3 where the spec says
        // string(16), which is refused before anything else; its connector lacks the required power_type,
        // max_voltage, max_amperage and last_updated; the floor is given as "floor": -1 where the field is
        // floor_level, a string(4), so it is read past as an unknown field.
        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(example), Evse.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("physical_reference: must be a string");
        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(example.deepCopy().put("physical_reference", "3")), Evse.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("connectors[0].power_type: must not be null")
                .hasMessageContaining("connectors[0].max_voltage: must not be null")
                .hasMessageContaining("connectors[0].max_amperage: must not be null")
                .hasMessageContaining("connectors[0].last_updated: must not be null");

        ObjectNode corrected = example.deepCopy().put("physical_reference", "3");
        corrected.remove("floor");
        corrected.put("floor_level", "-1");
        ((ObjectNode) corrected.withArray("connectors").get(0))
                .put("power_type", "AC_3_PHASE")
                .put("max_voltage", 230)
                .put("max_amperage", 16)
                .put("last_updated", "2019-06-24T12:39:09Z");
        Evse evse = roundTrip(corrected, Evse.class);
        assertThat(evse.uid()).isEqualTo("3256");
        assertThat(evse.floorLevel()).isEqualTo("-1");
        assertThat(evse.physicalReference()).isEqualTo("3");
        assertThat(evse.connectors().get(0).tariffIds()).containsExactly("14");
    }

    @Test
    void patchExamplesUseTheModelsFieldNames() throws IOException {
        // PATCH bodies are partial objects, so they are read without validation: only the names must line up.
        Location name = mapper.readValue(specExample("location_patch_example_location.json"), Location.class);
        assertThat(name.name()).isEqualTo("Interparking Gent Zuid");
        assertThat(name.lastUpdated()).isEqualTo(Instant.parse("2019-06-24T12:39:09Z"));

        assertThat(mapper.readValue(specExample("location_patch_example_status.json"), Evse.class).status()).isEqualTo(Status.CHARGING);
        assertThat(mapper.readValue(specExample("location_patch_example_remove_evse.json"), Evse.class).status()).isEqualTo(Status.REMOVED);
        assertThat(mapper.readValue(specExample("location_patch_example_tariff.json"), Connector.class).tariffIds()).containsExactly("15");
    }

    @Test
    void refusesAnEvseWithoutUid() throws IOException {
        ObjectNode location = (ObjectNode) example("location_example.json");
        ((ObjectNode) location.withArray("evses").get(0)).remove("uid");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(location), Location.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("evses[0].uid: must not be null");
    }

    @Test
    void refusesAnUnknownConnectorStandardNamingItsPath() throws IOException {
        ObjectNode location = (ObjectNode) example("location_example.json");
        connector(location, 1, 0).put("standard", "IEC_62196_T9");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(location), Location.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("evses[1].connectors[0].standard: unknown value 'IEC_62196_T9'");
    }

    @Test
    void refusesStringsOverTheirMaximumLength() throws IOException {
        ObjectNode location = (ObjectNode) example("location_example.json");
        location.put("address", "x".repeat(46));
        ((ObjectNode) location.withArray("evses").get(0)).put("physical_reference", "x".repeat(17));
        connector(location, 0, 1).set("tariff_ids", mapper.createArrayNode().add("t".repeat(37)));

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(location), Location.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("address: size must be between 0 and 45")
                .hasMessageContaining("evses[0].physical_reference: size must be between 0 and 16")
                .hasMessageContaining("evses[0].connectors[1].tariff_ids[0]")
                .hasMessageContaining("size must be between 0 and 36");
    }

    @Test
    void refusesAFractionWhereTheSpecSaysIntButTakesAZeroFraction() throws IOException {
        ObjectNode location = (ObjectNode) example("location_example.json");
        connector(location, 0, 0).put("max_voltage", new java.math.BigDecimal("230.5"));

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(location), Location.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("evses[0].connectors[0].max_voltage: must be a whole number, not 230.5");

        connector(location, 0, 0).put("max_voltage", new java.math.BigDecimal("230.0"));
        assertThat(bodies.read(mapper.writeValueAsBytes(location), Location.class).evses().get(0).connectors().get(0).maxVoltage())
                .isEqualTo(230);
    }

    @Test
    void refusesAnEvseWithoutConnectors() throws IOException {
        ObjectNode location = (ObjectNode) example("location_example.json");
        ((ObjectNode) location.withArray("evses").get(1)).set("connectors", mapper.createArrayNode());

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(location), Location.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("evses[1].connectors: must not be empty");
    }

    @Test
    void refusesCoordinatesThatAreNotDecimalDegrees() throws IOException {
        ObjectNode location = (ObjectNode) example("location_example.json");
        ((ObjectNode) location.get("coordinates")).put("latitude", "51.04");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(location), Location.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("coordinates.latitude: must be decimal degrees");
    }

    @Test
    void refusesPublishTokensThatIdentifyNoToken() throws IOException {
        ObjectNode location = (ObjectNode) example("location_example_uc4_limited_visibility.json");
        ArrayNode tokens = location.withArray("publish_allowed_to");
        tokens.add(mapper.createObjectNode().put("issuer", "NewMotion"));
        tokens.add(mapper.createObjectNode().put("uid", "12345678905881"));
        tokens.add(mapper.createObjectNode().put("visual_number", "12345-68"));

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(location), Location.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("publish_allowed_to[3].uid: one of uid, visual_number or group_id must be set")
                .hasMessageContaining("publish_allowed_to[4].type: must be set when uid is set")
                .hasMessageContaining("publish_allowed_to[5].issuer: must be set when visual_number is set");
    }

    @Test
    void refusesPublishTokensOnAPublishedLocation() throws IOException {
        ObjectNode location = (ObjectNode) example("location_example_uc4_limited_visibility.json");
        location.put("publish", true);

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(location), Location.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("publish_allowed_to: may only be given when publish is false");
    }

    @Test
    void refusesOpeningTimesThatContradictThemselves() throws IOException {
        ObjectNode location = (ObjectNode) example("location_example_parking_garage_opening_hours.json");
        ObjectNode openingTimes = (ObjectNode) location.get("opening_times");
        ObjectNode monday = (ObjectNode) openingTimes.withArray("regular_hours").get(0);
        monday.put("period_end", "06:00");
        ObjectNode tuesday = (ObjectNode) openingTimes.withArray("regular_hours").get(1);
        tuesday.put("weekday", 8).put("period_begin", "7:00");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(location), Location.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("opening_times.regular_hours[0].period_end: must be later than period_begin")
                .hasMessageContaining("opening_times.regular_hours[1].weekday: must be less than or equal to 7")
                .hasMessageContaining("opening_times.regular_hours[1].period_begin: must be a 24h time");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(
                mapper.createObjectNode().put("twentyfourseven", false)), Hours.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("regular_hours: must hold at least one period when twentyfourseven is false");

        ObjectNode allDayWithPeriods = openingTimes.deepCopy();
        allDayWithPeriods.put("twentyfourseven", true);
        allDayWithPeriods.set("regular_hours", mapper.createArrayNode()
                .add(mapper.createObjectNode().put("weekday", 1).put("period_begin", "07:00").put("period_end", "18:00")));
        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(allDayWithPeriods), Hours.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("regular_hours: must hold at least one period when twentyfourseven is false, and none when it is true");
    }

    @Test
    void writesNoFieldsOfItsOwn() throws IOException {
        Location location = bodies.read(specExample("location_example_parking_garage_opening_hours.json"), Location.class);

        JsonNode written = mapper.readTree(mapper.writeValueAsBytes(location));
        assertThat(written.get("opening_times").has("regular_hours")).isTrue();
        assertThat(fieldNames(written.get("opening_times"))).containsExactlyInAnyOrder("twentyfourseven", "regular_hours");
        assertThat(fieldNames(written.get("opening_times").get("regular_hours").get(0)))
                .containsExactlyInAnyOrder("weekday", "period_begin", "period_end");
        assertThat(written.has("object_id")).isFalse();
    }

    private ObjectNode connector(ObjectNode location, int evse, int connector) {
        return (ObjectNode) location.withArray("evses").get(evse).withArray("connectors").get(connector);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode example(String file) throws IOException {
        return mapper.readTree(specExample(file));
    }
}
