package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OcpiDateTimeTest {

    @Test
    void writesUtcWithZAndAtMostMilliseconds() {
        assertThat(OcpiDateTime.format(Instant.parse("2015-06-29T20:39:09Z"))).isEqualTo("2015-06-29T20:39:09Z");
        assertThat(OcpiDateTime.format(Instant.parse("2015-06-29T20:39:09.123456789Z"))).isEqualTo("2015-06-29T20:39:09.123Z");
    }

    @Test
    void readsWithOrWithoutOffset() {
        Instant expected = Instant.parse("2015-06-29T20:39:09Z");
        assertThat(OcpiDateTime.parse("2015-06-29T20:39:09Z")).isEqualTo(expected);
        assertThat(OcpiDateTime.parse("2015-06-29T20:39:09")).isEqualTo(expected);
        assertThat(OcpiDateTime.parse("2015-06-29T22:39:09+02:00")).isEqualTo(expected);
        assertThat(OcpiDateTime.parse("2015-06-29T20:39:09.000+00:00")).isEqualTo(expected);
        assertThat(OcpiDateTime.parse("2015-06-29T20:39:09.5Z")).isEqualTo(expected.plusMillis(500));
    }

    @Test
    void refusesWhatIsNoDateTime() {
        assertThatThrownBy(() -> OcpiDateTime.parse("2015-06-29")).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> OcpiDateTime.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }
}
