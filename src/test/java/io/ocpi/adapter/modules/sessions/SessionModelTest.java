package io.ocpi.adapter.modules.sessions;

import static io.ocpi.adapter.support.ModelCheck.specExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.AuthMethod;
import io.ocpi.adapter.modules.cdrs.CdrDimensionType;
import io.ocpi.adapter.ocpi.ProfileType;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiJson;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionModelTest {

    private final ObjectMapper mapper = OcpiJson.newMapper();
    private final OcpiBodies bodies = new OcpiBodies(mapper);

    // session_patch_example_*.json are PATCH bodies (a few fields of a Session), not Session objects.
    @ParameterizedTest
    @ValueSource(strings = {"session_example_1_simple_start.json", "session_example_2_short_finished.json"})
    void theSpecExamplesReadValidateAndWriteBackUnchanged(String name) throws IOException {
        byte[] original = specExample(name);

        Session session = mapper.readValue(original, Session.class);
        bodies.validate(session);

        assertThat(mapper.readTree(mapper.writeValueAsBytes(session))).isEqualTo(mapper.readTree(original));
        assertThat(bodies.read(original, Session.class)).isEqualTo(session);
        assertThat(session.objectId()).isEqualTo("101");
        assertThat(session.authMethod()).isEqualTo(AuthMethod.WHITELIST);
    }

    @Test
    void aJustStartedSessionHasNoEndAndNoChargingPeriods() throws IOException {
        Session session = mapper.readValue(specExample("session_example_1_simple_start.json"), Session.class);

        assertThat(session.status()).isEqualTo(SessionStatus.PENDING);
        assertThat(session.endDateTime()).isNull();
        assertThat(session.chargingPeriods()).isNull();
        assertThat(session.totalCost().inclVat()).isNull();
        assertThat(session.kwh()).isEqualByComparingTo("0");
    }

    @Test
    void aFinishedSessionKeepsItsChargingPeriodsInOrder() throws IOException {
        Session session = mapper.readValue(specExample("session_example_2_short_finished.json"), Session.class);

        assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(session.endDateTime()).isEqualTo(Instant.parse("2015-06-29T23:50:16Z"));
        assertThat(session.chargingPeriods()).hasSize(3);
        // The example gives the ENERGY volumes in Wh (120, 41000) while the spec defines ENERGY in kWh and the
        // session's kwh is 41.12. The model cannot tell units apart, so it reads the numbers exactly as sent.
        assertThat(session.chargingPeriods().get(1).dimensions().get(0).type()).isEqualTo(CdrDimensionType.ENERGY);
        assertThat(session.chargingPeriods().get(1).dimensions().get(0).volume()).isEqualByComparingTo("41000");
        assertThat(session.chargingPeriods().get(2).tariffId()).isEqualTo("12");
    }

    @Test
    void aMissingNestedRequiredFieldIsNamedByItsJsonPath() throws IOException {
        ObjectNode session = exampleTree();
        ((ObjectNode) session.get("cdr_token")).remove("contract_id");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(session), Session.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("cdr_token.contract_id: must not be null");
    }

    @Test
    void aDimensionWithoutVolumeIsNamedByItsJsonPath() throws IOException {
        ObjectNode session = exampleTree();
        ((ObjectNode) session.at("/charging_periods/1/dimensions/0")).remove("volume");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(session), Session.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("charging_periods[1].dimensions[0].volume: must not be null");
    }

    @Test
    void aChargingPeriodWithoutDimensionsIsRefused() throws IOException {
        ObjectNode session = exampleTree();
        ((ObjectNode) session.at("/charging_periods/0")).remove("dimensions");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(session), Session.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("charging_periods[0].dimensions: must not be empty");
    }

    @Test
    void severalViolationsAreAllReported() throws IOException {
        ObjectNode session = exampleTree();
        session.remove("kwh");
        session.remove("status");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(session), Session.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("kwh: must not be null; status: must not be null");
    }

    @Test
    void anUnknownStatusIsRefusedNamingTheField() throws IOException {
        ObjectNode session = exampleTree();
        session.put("status", "STOPPED");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(session), Session.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("status: unknown value 'STOPPED'");
    }

    @Test
    void anUnknownTokenTypeIsRefusedNamingItsPath() throws IOException {
        ObjectNode session = exampleTree();
        ((ObjectNode) session.get("cdr_token")).put("type", "CARD");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(session), Session.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("cdr_token.type: unknown value 'CARD'");
    }

    @Test
    void aTooLongStringIsRefusedNamingTheField() throws IOException {
        ObjectNode session = exampleTree();
        session.put("location_id", "L".repeat(37));

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(session), Session.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("location_id: size must be between 0 and 36");
    }

    @Test
    void chargingPreferencesRoundTrip() throws IOException {
        byte[] original = """
                {"profile_type": "GREEN", "departure_time": "2019-06-23T17:00:00Z", "energy_need": 32.5, "discharge_allowed": true}
                """.getBytes();

        ChargingPreferences preferences = bodies.read(original, ChargingPreferences.class);

        assertThat(preferences.profileType()).isEqualTo(ProfileType.GREEN);
        assertThat(preferences.energyNeed()).isEqualByComparingTo("32.5");
        assertThat(mapper.readTree(mapper.writeValueAsBytes(preferences))).isEqualTo(mapper.readTree(original));
    }

    @Test
    void chargingPreferencesNeedAProfileType() {
        assertThatThrownBy(() -> bodies.read("{\"energy_need\": 10}".getBytes(), ChargingPreferences.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("profile_type: must not be null");
        assertThatThrownBy(() -> bodies.read("{\"profile_type\": \"SLOW\"}".getBytes(), ChargingPreferences.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("profile_type: unknown value 'SLOW'");
    }

    @Test
    void theChargingPreferencesResponseIsWrittenAsItsSpecName() throws IOException {
        assertThat(mapper.writeValueAsString(ChargingPreferencesResponse.PROFILE_TYPE_NOT_SUPPORTED))
                .isEqualTo("\"PROFILE_TYPE_NOT_SUPPORTED\"");
        assertThat(mapper.readValue("\"DEPARTURE_REQUIRED\"", ChargingPreferencesResponse.class))
                .isEqualTo(ChargingPreferencesResponse.DEPARTURE_REQUIRED);
    }

    private ObjectNode exampleTree() throws IOException {
        return (ObjectNode) mapper.readTree(specExample("session_example_2_short_finished.json"));
    }
}
