package io.ocpi.adapter.modules.tariffs;

import static io.ocpi.adapter.support.ModelCheck.specExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiJson;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TariffModelTest {

    /** The spec's Tariff examples that are complete, valid Tariff objects. */
    static final List<String> VALID_EXAMPLES = List.of(
            "tariff_1_simple_2hour.json",
            "tariff_2_alt_text.json",
            "tariff_3_alt_url.json",
            "tariff_4_complex.json",
            "tariff_5_free_of_charge.json",
            "tariff_6_025kwh_start_max_price.json",
            "tariff_8_simple_025kwh.json",
            "tariff_9_025kwh_start.json",
            "tariff_10_025kwh_parking_start.json",
            "tariff_11_not_possible_alt_text.json",
            "tariff_12_025kwh_min_price.json",
            "tariff_13_simple_3hour_5parking.json",
            "tariff_14_step_size.json",
            "tariff_15_reservation_5_euro_per_hour.json",
            "tariff_16_reservation_2_euro_fee_5_euro_per_hour.json",
            "tariff_17_reservation_with_expire_fee.json",
            "tariff_18_reservation_with_expire_time.json",
            "tariffrestriction_example_max_duration.json",
            "tariffrestriction_example_max_power.json");

    /** Omits last_updated, which the Tariff object requires (cardinality 1). */
    static final String PUT_EXAMPLE_WITHOUT_LAST_UPDATED = "tariff_put_example.json";

    private final ObjectMapper mapper = OcpiJson.newMapper();
    private final OcpiBodies bodies = new OcpiBodies(mapper);

    static Stream<String> validExamples() {
        return VALID_EXAMPLES.stream();
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void theSpecExamplesReadValidateAndWriteBackUnchanged(String name) throws IOException {
        byte[] original = specExample(name);

        Tariff tariff = mapper.readValue(original, Tariff.class);
        bodies.validate(tariff);

        assertThat(mapper.readTree(mapper.writeValueAsBytes(tariff))).isEqualTo(mapper.readTree(original));
        assertThat(bodies.read(original, Tariff.class)).isEqualTo(tariff);
        assertThat(tariff.objectId()).isEqualTo(tariff.id());
        assertThat(tariff.lastUpdated()).isNotNull();
    }

    @Test
    void everyTariffExampleOfTheSpecIsCovered() throws URISyntaxException {
        File folder = new File(Objects.requireNonNull(TariffModelTest.class.getResource("/spec-examples")).toURI());
        String[] tariffFiles = Objects.requireNonNull(folder.list((dir, file) -> file.startsWith("tariff")));

        assertThat(Arrays.asList(tariffFiles))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(VALID_EXAMPLES.stream(), Stream.of(PUT_EXAMPLE_WITHOUT_LAST_UPDATED)).toList());
    }

    @Test
    void thePutExampleLacksTheRequiredLastUpdated() throws IOException {
        // The spec's PUT example (mod_tariffs.asciidoc, "New Tariff € 2 per hour") omits last_updated although the
        // Tariff object requires it; without it a receiver cannot order updates, so such a body is refused.
        byte[] original = specExample(PUT_EXAMPLE_WITHOUT_LAST_UPDATED);

        assertThatThrownBy(() -> bodies.read(original, Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("last_updated: must not be null");

        ObjectNode completed = (ObjectNode) mapper.readTree(original);
        completed.put("last_updated", "2015-06-29T20:39:09Z");
        Tariff tariff = bodies.read(mapper.writeValueAsBytes(completed), Tariff.class);
        assertThat(mapper.readTree(mapper.writeValueAsBytes(tariff))).isEqualTo(completed);
    }

    @Test
    void restrictionsAndOptionalFieldsAreRead() throws IOException {
        Tariff complex = mapper.readValue(specExample("tariff_4_complex.json"), Tariff.class);
        assertThat(complex.type()).isEqualTo(TariffType.REGULAR);
        assertThat(complex.tariffAltUrl()).isEqualTo("https://company.com/tariffs/14");
        TariffRestrictions saturday = complex.elements().get(5).restrictions();
        assertThat(saturday.startTime()).isEqualTo("10:00");
        assertThat(saturday.endTime()).isEqualTo("17:00");
        assertThat(saturday.dayOfWeek()).containsExactly(DayOfWeek.SATURDAY);
        assertThat(complex.elements().get(1).restrictions().maxCurrent()).isEqualByComparingTo("32");
        assertThat(complex.elements().get(0).restrictions()).isNull();

        Tariff reservation = mapper.readValue(specExample("tariff_17_reservation_with_expire_fee.json"), Tariff.class);
        assertThat(reservation.elements().get(0).restrictions().reservation()).isEqualTo(ReservationRestrictionType.RESERVATION_EXPIRES);

        Tariff duration = mapper.readValue(specExample("tariffrestriction_example_max_duration.json"), Tariff.class);
        assertThat(duration.elements().get(0).restrictions().maxDuration()).isEqualTo(1800);

        Tariff withoutVat = mapper.readValue(specExample("tariff_14_step_size.json"), Tariff.class);
        PriceComponent component = withoutVat.elements().get(0).priceComponents().get(0);
        assertThat(component.vat()).isNull();
        assertThat(component.stepSize()).isEqualTo(1800);
    }

    @Test
    void allRestrictionsAndTheEnergyMixRoundTrip() throws IOException {
        byte[] original = """
                {
                  "country_code": "NL", "party_id": "ABC", "id": "T1", "currency": "EUR", "type": "PROFILE_GREEN",
                  "min_price": {"excl_vat": 1.00, "incl_vat": 1.21},
                  "elements": [{
                    "price_components": [{"type": "ENERGY", "price": 0.30, "vat": 21.0, "step_size": 1}],
                    "restrictions": {
                      "start_time": "23:00", "end_time": "07:00", "start_date": "2024-12-24", "end_date": "2025-01-01",
                      "min_kwh": 20, "max_kwh": 50.5, "min_current": 5, "max_current": 20, "min_power": 3.7, "max_power": 11,
                      "min_duration": 600, "max_duration": 7200, "day_of_week": ["SATURDAY", "SUNDAY"],
                      "reservation": "RESERVATION"
                    }
                  }],
                  "start_date_time": "2024-12-01T00:00:00Z",
                  "end_date_time": "2025-12-01T00:00:00Z",
                  "energy_mix": {"is_green_energy": true, "supplier_name": "Green Power"},
                  "last_updated": "2024-11-30T12:00:00Z"
                }
                """.getBytes();

        Tariff tariff = bodies.read(original, Tariff.class);

        assertThat(tariff.energyMix().isGreenEnergy()).isTrue();
        assertThat(tariff.elements().get(0).restrictions().minPower()).isEqualByComparingTo("3.7");
        assertThat(mapper.readTree(mapper.writeValueAsBytes(tariff))).isEqualTo(mapper.readTree(original));
    }

    @Test
    void aTariffWithoutElementsIsRefused() throws IOException {
        ObjectNode tariff = exampleTree();
        tariff.putArray("elements");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(tariff), Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("elements: must not be empty");
    }

    @Test
    void aMissingNestedRequiredFieldIsNamedByItsJsonPath() throws IOException {
        ObjectNode tariff = exampleTree();
        ((ObjectNode) tariff.at("/elements/1/price_components/0")).remove("price");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(tariff), Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("elements[1].price_components[0].price: must not be null");
    }

    @Test
    void anAltTextWithoutLanguageIsNamedByItsJsonPath() throws IOException {
        ObjectNode tariff = (ObjectNode) mapper.readTree(specExample("tariff_2_alt_text.json"));
        ((ObjectNode) tariff.at("/tariff_alt_text/1")).remove("language");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(tariff), Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("tariff_alt_text[1].language: must not be null");
    }

    @Test
    void anUnknownDimensionTypeIsRefusedNamingItsPath() throws IOException {
        ObjectNode tariff = exampleTree();
        ((ObjectNode) tariff.at("/elements/0/price_components/0")).put("type", "KWH");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(tariff), Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("elements[0].price_components[0].type: unknown value 'KWH'");
    }

    @Test
    void anUnknownDayOfWeekIsRefusedNamingItsPath() throws IOException {
        ObjectNode tariff = exampleTree();
        ((ObjectNode) tariff.at("/elements/2/restrictions")).putArray("day_of_week").add("MONDAY").add("MON");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(tariff), Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("elements[2].restrictions.day_of_week[1]: unknown value 'MON'");
    }

    @Test
    void anUnknownTariffTypeIsRefusedNamingTheField() throws IOException {
        ObjectNode tariff = exampleTree();
        tariff.put("type", "PROFILE_SLOW");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(tariff), Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("type: unknown value 'PROFILE_SLOW'");
    }

    @Test
    void aTimeOfDayOutsideTheSpecsSyntaxIsRefused() throws IOException {
        ObjectNode tariff = exampleTree();
        ((ObjectNode) tariff.at("/elements/0/restrictions")).put("start_time", "9:00");
        ((ObjectNode) tariff.at("/elements/1/restrictions")).put("end_time", "24:00");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(tariff), Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("elements[0].restrictions.start_time: must be a 24h time such as 13:30; "
                        + "elements[1].restrictions.end_time: must be a 24h time such as 13:30");
    }

    @Test
    void aDateOutsideTheSpecsSyntaxIsRefused() throws IOException {
        ObjectNode tariff = exampleTree();
        ((ObjectNode) tariff.at("/elements/0/restrictions")).put("start_date", "2024-13-01");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(tariff), Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("elements[0].restrictions.start_date: must be a date such as 2015-12-24");
    }

    @Test
    void aTooLongStringIsRefusedNamingTheField() throws IOException {
        ObjectNode tariff = exampleTree();
        tariff.put("tariff_alt_url", "https://company.com/" + "t".repeat(236));

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(tariff), Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("tariff_alt_url: size must be between 0 and 255");
    }

    @Test
    void aTooLongIdIsRefusedNamingTheField() throws IOException {
        ObjectNode tariff = exampleTree();
        tariff.put("id", "1".repeat(37));

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(tariff), Tariff.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("id: size must be between 0 and 36");
    }

    private ObjectNode exampleTree() throws IOException {
        return (ObjectNode) mapper.readTree(specExample("tariff_14_step_size.json"));
    }
}
