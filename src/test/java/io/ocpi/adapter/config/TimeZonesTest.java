package io.ocpi.adapter.config;

import static io.ocpi.adapter.support.Spec211.FROM_PEER;
import static io.ocpi.adapter.support.Spec211.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocpi.adapter.modules.locations.v211.LocationForm211;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code ocpi.time-zones}: the shipped table gives the countries whose places keep one clock their zone, an operator's
 * setting adds to it or overrides it, and a value that is no IANA zone stops the start naming the setting.
 */
class TimeZonesTest {

    /** The context's only source; no {@code @Configuration}, so that the component scan of other tests' contexts passes it by. */
    @EnableConfigurationProperties(OcpiProperties.class)
    @Import(LocationForm211.class)
    static class Settings {
    }

    @Test
    void theShippedTableHoldsTheCountriesWithOneZoneOnly() {
        try (ConfigurableApplicationContext context = start()) {
            var timeZones = context.getBean(OcpiProperties.class).timeZones();
            assertThat(timeZones).containsEntry("NLD", ZoneId.of("Europe/Amsterdam"))
                    .containsEntry("BEL", ZoneId.of("Europe/Brussels")).containsEntry("DEU", ZoneId.of("Europe/Berlin"))
                    .containsEntry("CHE", ZoneId.of("Europe/Zurich")).containsEntry("GBR", ZoneId.of("Europe/London"))
                    .containsEntry("NOR", ZoneId.of("Europe/Oslo"))
                    .doesNotContainKeys("ESP", "PRT", "FRA", "CYP");
            assertThat(timeZones.keySet()).allMatch(country -> country.matches("[A-Z]{3}"));
            assertThat(context.getBean(LocationForm211.class).toCanonical(example("mod_locations.md", "Example").body(), FROM_PEER)
                    .get("time_zone").asText()).isEqualTo("Europe/Brussels");
        }
    }

    @Test
    void anOperatorAddsAndOverridesCountries() {
        try (ConfigurableApplicationContext context = start("--ocpi.time-zones.BEL=Europe/Amsterdam",
                "--ocpi.time-zones.ESP=Europe/Madrid")) {
            var timeZones = context.getBean(OcpiProperties.class).timeZones();
            assertThat(timeZones).containsEntry("BEL", ZoneId.of("Europe/Amsterdam"))
                    .containsEntry("ESP", ZoneId.of("Europe/Madrid")).containsEntry("NLD", ZoneId.of("Europe/Amsterdam"));
            assertThat(context.getBean(LocationForm211.class).toCanonical(example("mod_locations.md", "Example").body(), FROM_PEER)
                    .get("time_zone").asText()).isEqualTo("Europe/Amsterdam");
        }
    }

    @Test
    void aZoneJavaDoesNotKnowStopsTheStart() {
        assertThatThrownBy(() -> start("--ocpi.time-zones.ESP=Europe/Madird"))
                .hasStackTraceContaining("Failed to bind properties under 'ocpi.time-zones.esp' to java.time.ZoneId")
                .rootCause().hasMessage("Unknown time-zone ID: Europe/Madird");
    }

    @Test
    void aFixedOffsetIsNoIanaZoneAndStopsTheStart() {
        assertThatThrownBy(() -> start("--ocpi.time-zones.ESP=+01:00"))
                .hasStackTraceContaining("ocpi.time-zones.ESP: +01:00 is no time zone id of the IANA database");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE).run(args);
    }
}
