package io.ocpi.adapter.ocpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The PTP role that owns the payments module's objects exists from OCPI 2.3.0 on only; the HUB role until then. */
class RoleTest {

    @Test
    void ptpIsARoleOfTwoThreeZeroOnly() {
        assertThat(Role.of(VersionNumber.V2_3_0)).contains(Role.PTP);
        assertThat(Role.of(VersionNumber.V2_2_1)).doesNotContain(Role.PTP)
                .containsExactly(Role.CPO, Role.EMSP, Role.HUB, Role.NAP, Role.NSP, Role.OTHER, Role.SCSP);
        assertThat(Role.of(VersionNumber.V2_1_1)).doesNotContain(Role.PTP);
    }

    @Test
    void hubIsNoRoleOfTwoThreeZero() {
        assertThat(Role.of(VersionNumber.V2_3_0)).doesNotContain(Role.HUB)
                .containsExactly(Role.CPO, Role.EMSP, Role.NAP, Role.NSP, Role.OTHER, Role.SCSP, Role.PTP);
        assertThat(Role.HUB.isIn(VersionNumber.V2_2_1)).isTrue();
        assertThat(Role.HUB.isIn(VersionNumber.V2_1_1)).isTrue();
    }
}
