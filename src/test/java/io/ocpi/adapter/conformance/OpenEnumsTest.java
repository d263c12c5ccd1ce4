package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.locations.ConnectorType;
import io.ocpi.adapter.modules.locations.Facility;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.modules.tokens.TokenType;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.support.AllWireForms;
import io.ocpi.adapter.support.ModelCheck;
import io.ocpi.adapter.support.Spec230;
import org.junit.jupiter.api.Test;

/**
 * OpenEnums: an unknown value on a 2.3.0 body is kept and written back; on 2.2.1 it is refused with OCPI 2001 naming
 * the field, and a value only 2.3.0 knows is not written to a 2.2.1 peer.
 */
class OpenEnumsTest {

    static final WireForm.Parties PARTIES = new WireForm.Parties(null, null);

    static ObjectNode location() {
        return (ObjectNode) Spec230.example("location_example.json");
    }

    static ObjectNode firstConnector(ObjectNode location) {
        return (ObjectNode) location.get("evses").get(0).get("connectors").get(0);
    }

    static ObjectNode canonical(Class<?> type, ObjectNode wire) {
        return AllWireForms.FORMS.of(type, VersionNumber.V2_3_0).orElseThrow().toCanonical(wire, PARTIES);
    }

    @Test
    void anUnknownValueOnAV230BodyIsKeptAndWrittenBack() {
        ObjectNode wire = location();
        firstConnector(wire).put("standard", "ACME_MEGAPLUG");
        wire.putArray("facilities").add("HOTEL").add("CHARGING_HUB_LOUNGE");

        Location location = ModelCheck.BODIES.convert(canonical(Location.class, wire), Location.class, VersionNumber.V2_3_0);

        ConnectorType standard = location.evses().get(0).connectors().get(0).standard();
        assertThat(standard.name()).isEqualTo("ACME_MEGAPLUG");
        assertThat(standard.known()).isFalse();
        assertThat(location.facilities()).containsExactly(Facility.HOTEL, Facility.of("CHARGING_HUB_LOUNGE"));
        ObjectNode written = ModelCheck.JSON.valueToTree(location);
        assertThat(firstConnector(written).get("standard").asText()).isEqualTo("ACME_MEGAPLUG");
        assertThat(written.get("facilities").toString()).isEqualTo("[\"HOTEL\",\"CHARGING_HUB_LOUNGE\"]");
    }

    @Test
    void anUnknownTokenTypeOnAV230BodyIsKept() {
        ObjectNode wire = (ObjectNode) Spec230.example("token_example_2_full_rfid.json");
        wire.put("type", "BIOMETRIC");

        Token token = ModelCheck.BODIES.convert(wire, Token.class, VersionNumber.V2_3_0);

        assertThat(token.type()).isEqualTo(TokenType.of("BIOMETRIC"));
        assertThat(ModelCheck.JSON.valueToTree(token).get("type").asText()).isEqualTo("BIOMETRIC");
    }

    @Test
    void anUnknownValueOnAV221BodyIsRefusedNamingTheField() {
        ObjectNode wire = (ObjectNode) Spec230.example("location_example.json");
        wire.remove("parking_places");
        firstConnector(wire).put("standard", "ACME_MEGAPLUG");
        ObjectNode canonical = AllWireForms.FORMS.of(Location.class, VersionNumber.V2_2_1).orElseThrow().toCanonical(wire, PARTIES);

        assertThatThrownBy(() -> ModelCheck.BODIES.convert(canonical, Location.class, VersionNumber.V2_2_1))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("evses[0].connectors[0].standard: unknown value 'ACME_MEGAPLUG', expected one of [CHADEMO,")
                .extracting(e -> ((OcpiException) e).status()).isEqualTo(OcpiStatus.INVALID_OR_MISSING_PARAMETERS);
        assertThatThrownBy(() -> ModelCheck.BODIES.read(ModelCheck.JSON.writeValueAsBytes(canonical), Location.class))
                .hasMessageStartingWith("evses[0].connectors[0].standard: unknown value 'ACME_MEGAPLUG'");
    }

    @Test
    void aValueOnly230KnowsIsRefusedFromAV221Peer() {
        ObjectNode wire = location();
        firstConnector(wire).put("standard", "MCS");

        assertThatThrownBy(() -> AllWireForms.FORMS.of(Location.class, VersionNumber.V2_2_1).orElseThrow().toCanonical(wire, PARTIES))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("evses[0].connectors[0].standard: unknown value 'MCS', expected one of [");
        ObjectNode token = (ObjectNode) Spec230.example("token_example_2_full_rfid.json");
        token.put("type", "EMAID");
        assertThatThrownBy(() -> AllWireForms.FORMS.of(Token.class, VersionNumber.V2_2_1).orElseThrow().toCanonical(token, PARTIES))
                .hasMessageStartingWith("type: unknown value 'EMAID'");
    }

    @Test
    void whatAV221PeerCannotTakeIsLeftOutOrNamed() {
        ObjectNode canonical = canonical(Location.class, location());
        canonical.putArray("facilities").add("HOTEL").add("CHARGING_HUB_LOUNGE");
        canonical.put("parking_type", "ROOFTOP");
        ((ObjectNode) canonical.get("evses").get(0)).putArray("parking_restrictions").add("CUSTOMERS").add("TAXIS");
        WireForm v221 = AllWireForms.FORMS.of(Location.class, VersionNumber.V2_2_1).orElseThrow();

        ObjectNode wire = v221.toWire(canonical);

        assertThat(wire.get("facilities").toString()).isEqualTo("[\"HOTEL\"]");
        assertThat(wire.has("parking_type")).isFalse();
        assertThat(wire.get("evses").get(0).get("parking_restrictions").toString()).isEqualTo("[\"CUSTOMERS\"]");
        assertThat(wire.has("parking_places")).isFalse();
        assertThat(wire.get("evses").get(0).has("parking")).isFalse();
        ModelCheck.BODIES.convert(v221.toCanonical(wire, PARTIES), Location.class);

        firstConnector(canonical).put("standard", "SAE_J3400");
        assertThatThrownBy(() -> v221.toWire(canonical)).isInstanceOf(WireForm.UntranslatableException.class)
                .hasMessage("evses[0].connectors[0].standard: SAE_J3400 is no connector type of 2.2.1");
        ObjectNode cdr = canonical(Cdr.class, (ObjectNode) Spec230.example("cdr_example.json"));
        ((ObjectNode) cdr.get("cdr_token")).put("type", "EMAID");
        assertThatThrownBy(() -> AllWireForms.FORMS.of(Cdr.class, VersionNumber.V2_2_1).orElseThrow().toWire(cdr))
                .hasMessage("cdr_token.type: EMAID is no token type of 2.2.1");
    }

    @Test
    void unknownFieldsOfAV230BodyAreNotRefused() {
        ObjectNode wire = location();
        wire.put("solar_canopy", true);
        firstConnector(wire).putObject("vendor_extension").put("cooling", "liquid");

        Location location = ModelCheck.BODIES.convert(canonical(Location.class, wire), Location.class, VersionNumber.V2_3_0);

        assertThat(location.id()).isEqualTo(wire.get("id").asText());
    }
}
