package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WireDifferencesTest {

    private static final WireDifferences CONNECTOR = WireDifferences.of().leaves("capabilities").within("standard", List.of("CHADEMO", "IEC_62196_T2"));
    private static final WireDifferences EVSE = WireDifferences.of()
            .leaves("parking")
            .within("capabilities", List.of("RESERVABLE", "RFID_READER"))
            .inside("connectors", CONNECTOR);
    private static final WireDifferences LOCATION = WireDifferences.of()
            .leaves("help_phone", "parking_places")
            .within("parking_type", List.of("ON_STREET"))
            .inside("operator", WireDifferences.of().inside("logo", WireDifferences.of().within("category", List.of("OPERATOR"))))
            .inside("evses", EVSE);

    @Test
    void aFieldLeftOutIsFoundWhateverItsValue() {
        assertThat(LOCATION.foundIn("{\"id\":\"L\",\"help_phone\":\"+31\"}")).isTrue();
        assertThat(LOCATION.foundIn("{\"id\":\"L\",\"parking_places\":null}")).isTrue();
        assertThat(LOCATION.foundIn("{\"id\":\"L\",\"evses\":[{\"uid\":\"1\"},{\"uid\":\"2\",\"parking\":[]}]}")).isTrue();
        assertThat(LOCATION.foundIn("{\"evses\":[{\"connectors\":[{\"id\":\"1\",\"capabilities\":[\"X\"]}]}]}")).isTrue();
    }

    @Test
    void aTextValueIsFoundWhenItIsNoneOfTheKnownOnesAlsoInAList() {
        assertThat(LOCATION.foundIn("{\"parking_type\":\"ON_STREET\"}")).isFalse();
        assertThat(LOCATION.foundIn("{\"parking_type\":\"ROOFTOP\"}")).isTrue();
        assertThat(LOCATION.foundIn("{\"evses\":[{\"capabilities\":[\"RESERVABLE\",\"RFID_READER\"]}]}")).isFalse();
        assertThat(LOCATION.foundIn("{\"evses\":[{\"capabilities\":[\"RESERVABLE\",\"TELEPORT\"]}]}")).isTrue();
        assertThat(LOCATION.foundIn("{\"operator\":{\"name\":\"O\",\"logo\":{\"url\":\"u\",\"category\":\"OPERATOR\"}}}")).isFalse();
        assertThat(LOCATION.foundIn("{\"operator\":{\"name\":\"O\",\"logo\":{\"url\":\"u\",\"category\":\"BANNER\"}}}")).isTrue();
        // Only text is checked: a value of another kind is no value the form leaves out.
        assertThat(LOCATION.foundIn("{\"parking_type\":null,\"evses\":[{\"capabilities\":[1,{\"a\":\"TELEPORT\"},[\"TELEPORT\"]]}]}")).isFalse();
    }

    @Test
    void aNameIsADifferenceOnlyWhereItIsDeclared() {
        // capabilities of an EVSE are checked values, of a connector a field left out; elsewhere neither.
        String evseCapabilities = "{\"evses\":[{\"capabilities\":[\"RESERVABLE\"],\"connectors\":[{\"id\":\"1\",\"standard\":\"CHADEMO\"}]}]}";
        assertThat(LOCATION.foundIn(evseCapabilities)).isFalse();
        assertThat(LOCATION.foundIn("{\"capabilities\":[\"ANYTHING\"],\"parking\":1,\"standard\":\"MCS\",\"coordinates\":{\"help_phone\":\"x\"},"
                + "\"images\":[{\"parking_places\":[],\"help_phone\":{\"evses\":[{\"parking\":1}]}}]}")).isFalse();
        assertThat(LOCATION.foundIn("{\"evses\":[{\"connectors\":[{\"standard\":\"MCS\"}]}]}")).isTrue();
    }

    @Test
    void whatIsNoWellFormedObjectIsTakenToHoldDifferences() {
        assertThat(LOCATION.foundIn("{}")).isFalse();
        assertThat(LOCATION.foundIn("[{}]")).isTrue();
        assertThat(LOCATION.foundIn("\"text\"")).isTrue();
        assertThat(LOCATION.foundIn("{\"id\":")).isTrue();
        assertThat(LOCATION.foundIn("{\"id\":\"L\"} {}")).isTrue();
        assertThat(LOCATION.foundIn("")).isTrue();
    }

    @Test
    void aFieldIsDeclaredOnce() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WireDifferences.of().leaves("a").within("a", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a");
    }
}
