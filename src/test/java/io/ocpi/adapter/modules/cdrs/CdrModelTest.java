package io.ocpi.adapter.modules.cdrs;

import static io.ocpi.adapter.support.ModelCheck.specExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.PowerType;
import io.ocpi.adapter.modules.tariffs.TariffDimensionType;
import io.ocpi.adapter.modules.tokens.TokenType;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CdrModelTest {

    private final ObjectMapper mapper = OcpiJson.newMapper();
    private final OcpiBodies bodies = new OcpiBodies(mapper);

    @Test
    void theSpecExampleReadsValidatesAndWritesBackUnchanged() throws IOException {
        byte[] original = specExample("cdr_example.json");

        Cdr cdr = mapper.readValue(original, Cdr.class);
        bodies.validate(cdr);

        assertThat(mapper.readTree(mapper.writeValueAsBytes(cdr))).isEqualTo(mapper.readTree(original));
        assertThat(cdr.objectId()).isEqualTo("12345");
        assertThat(cdr.lastUpdated()).isEqualTo(Instant.parse("2015-06-29T22:01:13Z"));
        assertThat(cdr.cdrToken().type()).isEqualTo(TokenType.RFID);
        assertThat(cdr.authMethod()).isEqualTo(AuthMethod.WHITELIST);
        assertThat(cdr.cdrLocation().connectorPowerType()).isEqualTo(PowerType.AC_1_PHASE);
        assertThat(cdr.tariffs()).singleElement()
                .satisfies(t -> assertThat(t.elements().get(0).priceComponents().get(0).type()).isEqualTo(TariffDimensionType.TIME));
        assertThat(cdr.chargingPeriods().get(0).dimensions().get(0).volume()).isEqualByComparingTo("1.973");
        assertThat(cdr.totalCost().inclVat()).isEqualByComparingTo("4.40");
        // The example swaps latitude and longitude (Gent lies at 51.05 N, 3.73 E); both strings still have the
        // syntax the spec asks for, so the CDR is valid and the coordinates are kept exactly as sent.
        assertThat(cdr.cdrLocation().coordinates().latitude()).isEqualTo("3.729944");
    }

    @Test
    void readingThroughTheBodyReaderAcceptsTheExample() throws IOException {
        assertThat(bodies.read(specExample("cdr_example.json"), Cdr.class).id()).isEqualTo("12345");
    }

    @Test
    void signedDataAndTheOptionalFieldsRoundTrip() throws IOException {
        ObjectNode cdr = exampleTree();
        ObjectNode signed = cdr.putObject("signed_data");
        signed.put("encoding_method", "OCMF");
        signed.put("encoding_method_version", 1);
        signed.put("public_key", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        ObjectNode value = signed.putArray("signed_values").addObject();
        value.put("nature", "Start");
        value.put("plain_data", "OCMF|{\"RD\":[{\"RV\":0.0}]}");
        value.put("signed_data", "MEUCIQDz");
        signed.put("url", "https://transparenz.example.com/check");
        cdr.put("session_id", "101");
        cdr.put("authorization_reference", "ref-1");
        cdr.put("meter_id", "M-1");
        cdr.put("total_parking_time", 0.5);
        cdr.put("remark", "EV full");
        cdr.put("invoice_reference_id", "INV-1");
        cdr.put("credit", true);
        cdr.put("credit_reference_id", "12344");
        cdr.put("home_charging_compensation", false);
        cdr.putObject("total_reservation_cost").put("excl_vat", 1.00);
        byte[] original = mapper.writeValueAsBytes(cdr);

        Cdr read = bodies.read(original, Cdr.class);

        assertThat(read.signedData().signedValues().get(0).signedData()).isEqualTo("MEUCIQDz");
        assertThat(read.totalParkingTime()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(mapper.readTree(mapper.writeValueAsBytes(read))).isEqualTo(mapper.readTree(original));
    }

    @Test
    void aMissingNestedRequiredFieldIsNamedByItsJsonPath() throws IOException {
        ObjectNode cdr = exampleTree();
        ((ObjectNode) cdr.get("cdr_token")).remove("uid");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(cdr), Cdr.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("cdr_token.uid: must not be null");
    }

    @Test
    void aChargingPeriodWithoutDimensionsIsRefused() throws IOException {
        ObjectNode cdr = exampleTree();
        ((ObjectNode) cdr.get("charging_periods").get(0)).putArray("dimensions");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(cdr), Cdr.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("charging_periods[0].dimensions: must not be empty");
    }

    @Test
    void aCdrWithoutChargingPeriodsIsRefused() throws IOException {
        ObjectNode cdr = exampleTree();
        cdr.putArray("charging_periods");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(cdr), Cdr.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("charging_periods: must not be empty");
    }

    @Test
    void anIncompleteTariffInsideTheCdrIsNamedByItsPath() throws IOException {
        ObjectNode cdr = exampleTree();
        ((ObjectNode) cdr.at("/tariffs/0/elements/0/price_components/0")).remove("step_size");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(cdr), Cdr.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("tariffs[0].elements[0].price_components[0].step_size: must not be null");
    }

    @Test
    void signedDataWithoutValuesIsRefused() throws IOException {
        ObjectNode cdr = exampleTree();
        ObjectNode signed = cdr.putObject("signed_data");
        signed.put("encoding_method", "OCMF");
        signed.putArray("signed_values");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(cdr), Cdr.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("signed_data.signed_values: must not be empty");
    }

    @Test
    void anUnknownEnumValueIsRefusedNamingTheField() throws IOException {
        ObjectNode cdr = exampleTree();
        cdr.put("auth_method", "PIN");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(cdr), Cdr.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("auth_method: unknown value 'PIN'");
    }

    @Test
    void anUnknownNestedEnumValueIsRefusedNamingItsPath() throws IOException {
        ObjectNode cdr = exampleTree();
        ((ObjectNode) cdr.at("/charging_periods/0/dimensions/0")).put("type", "DURATION");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(cdr), Cdr.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("charging_periods[0].dimensions[0].type: unknown value 'DURATION'");
    }

    @Test
    void aTooLongStringIsRefusedNamingTheField() throws IOException {
        ObjectNode cdr = exampleTree();
        ((ObjectNode) cdr.get("cdr_location")).put("evse_id", "BE*BEC*E" + "0".repeat(41));

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(cdr), Cdr.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("cdr_location.evse_id: size must be between 0 and 48");
    }

    @Test
    void aCreditCdrMayAppendToTheOriginalIdButNotBeyond39Characters() throws IOException {
        ObjectNode cdr = exampleTree();
        cdr.put("id", "x".repeat(36) + "-CR");
        assertThat(bodies.read(mapper.writeValueAsBytes(cdr), Cdr.class).id()).hasSize(39);

        cdr.put("id", "x".repeat(40));
        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(cdr), Cdr.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("id: size must be between 0 and 39");
    }

    private ObjectNode exampleTree() throws IOException {
        return (ObjectNode) mapper.readTree(specExample("cdr_example.json"));
    }
}
