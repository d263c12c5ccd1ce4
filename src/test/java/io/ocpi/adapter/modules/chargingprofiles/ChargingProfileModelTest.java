package io.ocpi.adapter.modules.chargingprofiles;

import static io.ocpi.adapter.support.ModelCheck.bytes;
import static io.ocpi.adapter.support.ModelCheck.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The ChargingProfiles module's objects. mod_charging_profiles.asciidoc has no JSON examples of its own, only tables
 * and sequence diagrams, so the bodies below follow the tables field by field and take their URLs from the chapter.
 */
class ChargingProfileModelTest {

    private final ObjectMapper mapper = OcpiJson.newMapper();
    private final OcpiBodies bodies = new OcpiBodies(mapper);

    private static final String PROFILE = """
            {
                "start_date_time": "2019-06-19T02:00:00Z",
                "duration": 3600,
                "charging_rate_unit": "A",
                "min_charging_rate": 6.0,
                "charging_profile_period": [
                  {"start_period": 0, "limit": 32},
                  {"start_period": 900, "limit": 16.5},
                  {"start_period": 1800, "limit": 8.1}
                ]
            }""";

    private static final String SET_CHARGING_PROFILE = """
            {
              "charging_profile": %s,
              "response_url": "https://www.server.com/ocpi/2.2.1/chargingprofiles/chargingprofile/12345678"
            }""".formatted(PROFILE);

    @Test
    void setChargingProfileRoundTrips() throws IOException {
        SetChargingProfile set = roundTrip(SET_CHARGING_PROFILE, SetChargingProfile.class);

        ChargingProfile profile = set.chargingProfile();
        assertThat(profile.chargingRateUnit()).isEqualTo(ChargingRateUnit.A);
        assertThat(profile.startDateTime()).isEqualTo(Instant.parse("2019-06-19T02:00:00Z"));
        assertThat(profile.duration()).isEqualTo(3600);
        assertThat(profile.minChargingRate()).isEqualByComparingTo("6");
        assertThat(profile.chargingProfilePeriod()).extracting(ChargingProfilePeriod::startPeriod).containsExactly(0, 900, 1800);
        assertThat(profile.chargingProfilePeriod().get(1).limit()).isEqualTo(new BigDecimal("16.5"));
    }

    @Test
    void relativeProfileWithOnlyItsUnitRoundTrips() throws IOException {
        String json = """
                {"charging_profile": {"charging_rate_unit": "W"}, "response_url": "https://www.server.com/ocpi/2.2.1/12345678"}""";

        ChargingProfile profile = roundTrip(json, SetChargingProfile.class).chargingProfile();

        assertThat(profile.startDateTime()).isNull();
        assertThat(profile.chargingProfilePeriod()).isNull();
    }

    @Test
    void activeChargingProfileResultRoundTrips() throws IOException {
        String json = """
                {
                  "result": "ACCEPTED",
                  "profile": {
                    "start_date_time": "2019-06-19T02:05:00Z",
                    "charging_profile": {
                      "charging_rate_unit": "W",
                      "charging_profile_period": [
                        {"start_period": 0, "limit": 11000},
                        {"start_period": 600, "limit": 7400.5}
                      ]
                    }
                  }
                }""";

        ActiveChargingProfileResult result = roundTrip(json, ActiveChargingProfileResult.class);

        assertThat(result.result()).isEqualTo(ChargingProfileResultType.ACCEPTED);
        assertThat(result.profile().startDateTime()).isEqualTo(Instant.parse("2019-06-19T02:05:00Z"));
        assertThat(result.profile().chargingProfile().chargingProfilePeriod()).hasSize(2);
    }

    @Test
    void activeChargingProfileResultWithoutProfileRoundTrips() throws IOException {
        assertThat(roundTrip("{\"result\": \"UNKNOWN\"}", ActiveChargingProfileResult.class).profile()).isNull();
    }

    @Test
    void activeChargingProfilePushedByTheCpoRoundTrips() throws IOException {
        String json = """
                {"start_date_time": "2019-06-19T02:05:00Z", "charging_profile": %s}""".formatted(PROFILE);

        assertThat(roundTrip(json, ActiveChargingProfile.class).chargingProfile().duration()).isEqualTo(3600);
    }

    @Test
    void chargingProfileResponseRoundTrips() throws IOException {
        ChargingProfileResponse response = roundTrip("{\"result\": \"TOO_OFTEN\", \"timeout\": 60}", ChargingProfileResponse.class);

        assertThat(response.result()).isEqualTo(ChargingProfileResponseType.TOO_OFTEN);
        assertThat(response.timeout()).isEqualTo(60);
    }

    @Test
    void setAndClearResultsRoundTrip() throws IOException {
        assertThat(roundTrip("{\"result\": \"REJECTED\"}", ChargingProfileResult.class).result())
                .isEqualTo(ChargingProfileResultType.REJECTED);
        assertThat(roundTrip("{\"result\": \"ACCEPTED\"}", ClearProfileResult.class).result())
                .isEqualTo(ChargingProfileResultType.ACCEPTED);
    }

    @Test
    void missingUnitOfTheNestedProfileIsNamedByItsPath() {
        String json = SET_CHARGING_PROFILE.replace("\"charging_rate_unit\": \"A\",", "");

        assertThatThrownBy(() -> bodies.read(bytes(json), SetChargingProfile.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("charging_profile.charging_rate_unit: must not be null");
    }

    @Test
    void missingLimitOfAPeriodIsNamedByItsPath() {
        String json = SET_CHARGING_PROFILE.replace("{\"start_period\": 900, \"limit\": 16.5}", "{\"start_period\": 900}");

        assertThatThrownBy(() -> bodies.read(bytes(json), SetChargingProfile.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("charging_profile.charging_profile_period[1].limit: must not be null");
    }

    @Test
    void missingProfileOfAnActiveProfileIsNamedByItsPath() {
        String json = """
                {"result": "ACCEPTED", "profile": {"start_date_time": "2019-06-19T02:05:00Z"}}""";

        assertThatThrownBy(() -> bodies.read(bytes(json), ActiveChargingProfileResult.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("profile.charging_profile: must not be null");
    }

    @Test
    void missingTimeoutIsNamed() {
        assertThatThrownBy(() -> bodies.read(bytes("{\"result\": \"ACCEPTED\"}"), ChargingProfileResponse.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("timeout: must not be null");
    }

    @Test
    void unknownRateUnitIsRefusedNamingTheField() {
        String json = SET_CHARGING_PROFILE.replace("\"charging_rate_unit\": \"A\"", "\"charging_rate_unit\": \"kW\"");

        assertThatThrownBy(() -> bodies.read(bytes(json), SetChargingProfile.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("charging_profile.charging_rate_unit: unknown value 'kW'");
    }

    @Test
    void unknownResultTypeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> bodies.read(bytes("{\"result\": \"DONE\"}"), ClearProfileResult.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("result: unknown value 'DONE'");
    }

    @Test
    void tooLongResponseUrlIsRefusedNamingTheField() {
        String json = SET_CHARGING_PROFILE.replace("12345678\"", "1".repeat(200) + "\"");

        assertThatThrownBy(() -> bodies.read(bytes(json), SetChargingProfile.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("response_url: size must be between 0 and 255");
    }

    @Test
    void limitWithMoreThanOneFractionDigitIsRefusedNamingTheField() {
        // The spec accepts at most one digit after the decimal point for limit and min_charging_rate.
        String json = SET_CHARGING_PROFILE.replace("\"limit\": 8.1", "\"limit\": 8.15").replace("6.0", "6.25");

        assertThatThrownBy(() -> bodies.read(bytes(json), SetChargingProfile.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("charging_profile.charging_profile_period[2].limit: must have at most one digit after the decimal point; "
                        + "charging_profile.min_charging_rate: must have at most one digit after the decimal point");
    }

    @Test
    void trailingZerosDoNotCountAsFractionDigits() {
        String json = SET_CHARGING_PROFILE.replace("\"limit\": 8.1", "\"limit\": 8.100");

        assertThat(bodies.read(bytes(json), SetChargingProfile.class).chargingProfile().chargingProfilePeriod().get(2).limit())
                .isEqualByComparingTo("8.1");
    }
}
