package io.ocpi.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Our parties are configured once, in {@code ocpi.roles}: the objects the bindings make (Tokens from contracts,
 * Locations from sites) carry the parties of those roles, read by the routes as {@code ocpi.bindings.cpo.*} and
 * {@code ocpi.bindings.emsp.*}.
 */
class OurPartiesTest {

    /** The context's only source; no {@code @Configuration}, so that the component scan of other tests' contexts passes it by. */
    static class NoBeans {
    }

    @Test
    void theBindingsWriteThePartiesOfOurRoles() {
        try (ConfigurableApplicationContext context = start(
                "--ocpi.roles[0].role=EMSP", "--ocpi.roles[0].country-code=DE", "--ocpi.roles[0].party-id=EMS",
                "--ocpi.roles[0].business-details.name=Stadtwerke Mobil",
                "--ocpi.roles[1].role=CPO", "--ocpi.roles[1].country-code=DE", "--ocpi.roles[1].party-id=CPX",
                "--ocpi.roles[1].business-details.name=Stadtwerke Laden")) {
            Environment settings = context.getEnvironment();
            assertThat(settings.getProperty("ocpi.bindings.cpo.country-code")).isEqualTo("DE");
            assertThat(settings.getProperty("ocpi.bindings.cpo.party-id")).isEqualTo("CPX");
            assertThat(settings.getProperty("ocpi.bindings.emsp.country-code")).isEqualTo("DE");
            assertThat(settings.getProperty("ocpi.bindings.emsp.party-id")).isEqualTo("EMS");
            assertThat(settings.getProperty("ocpi.bindings.emsp.issuer")).isEqualTo("Stadtwerke Mobil");
        }
    }

    @Test
    void aPlatformWithSeveralPartiesOfOneRoleNamesTheBindingsOne() {
        try (ConfigurableApplicationContext context = start(
                "--ocpi.roles[0].role=CPO", "--ocpi.roles[0].country-code=DE", "--ocpi.roles[0].party-id=CP1",
                "--ocpi.roles[0].business-details.name=North",
                "--ocpi.roles[1].role=CPO", "--ocpi.roles[1].country-code=DE", "--ocpi.roles[1].party-id=CP2",
                "--ocpi.roles[1].business-details.name=South",
                "--ocpi.bindings.cpo.party-id=CP2")) {
            assertThat(context.getEnvironment().getProperty("ocpi.bindings.cpo.country-code")).isEqualTo("DE");
            assertThat(context.getEnvironment().getProperty("ocpi.bindings.cpo.party-id")).isEqualTo("CP2");
            assertThat(context.getEnvironment().getProperty("ocpi.bindings.emsp.party-id")).isNull();
        }
    }

    @Test
    void aBindingsPartyThatIsNoneOfOurRolesStopsTheStart() {
        assertThatThrownBy(() -> start(
                "--ocpi.roles[0].role=CPO", "--ocpi.roles[0].country-code=DE", "--ocpi.roles[0].party-id=CP1",
                "--ocpi.roles[0].business-details.name=North",
                "--ocpi.bindings.cpo.party-id=CP9"))
                .hasMessageContaining("ocpi.bindings.cpo.party-id=CP9 names no CPO party of ocpi.roles");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE).run(args);
    }
}
