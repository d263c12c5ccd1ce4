package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.ocpi.VersionNumber;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each version's status codes (status_codes.md of 2.1.1, status_codes.asciidoc of 2.2.1 and 2.3.0). */
class OcpiStatusTest {

    /** The codes OCPI 2.1.1's status_codes.md lists. */
    private static final Set<Integer> CODES_211 = Set.of(1000, 2000, 2001, 2002, 2003, 3000, 3001, 3002, 3003);

    @Test
    void a211CallerGetsOnlyCodes211HasTheNearestOne() {
        for (OcpiStatus status : OcpiStatus.values()) {
            OcpiStatus answered = status.in(VersionNumber.V2_1_1);
            assertThat(CODES_211).as("%s in 2.1.1", status).contains(answered.code());
            assertThat(answered.code() / 1000 == status.code() / 1000 || status.code() >= 4000).as("%s stays in its class", status).isTrue();
        }
        assertThat(OcpiStatus.UNKNOWN_TOKEN.in(VersionNumber.V2_1_1)).isEqualTo(OcpiStatus.CLIENT_ERROR);
        assertThat(OcpiStatus.UNKNOWN_RECEIVER.in(VersionNumber.V2_1_1)).isEqualTo(OcpiStatus.CLIENT_ERROR);
        assertThat(OcpiStatus.CONNECTION_PROBLEM.in(VersionNumber.V2_1_1)).isEqualTo(OcpiStatus.SERVER_ERROR);
        assertThat(OcpiStatus.UNKNOWN_LOCATION.in(VersionNumber.V2_1_1)).isEqualTo(OcpiStatus.UNKNOWN_LOCATION);
    }

    @Test
    void v221And230HaveEveryCode() {
        for (OcpiStatus status : OcpiStatus.values()) {
            assertThat(status.in(VersionNumber.V2_2_1)).isEqualTo(status);
            assertThat(status.in(VersionNumber.V2_3_0)).isEqualTo(status);
        }
    }
}
