package io.ocpi.adapter.modules.sessions.v211;

import static io.ocpi.adapter.support.Spec211.FROM_PEER;
import static io.ocpi.adapter.support.Spec211.accepted;
import static io.ocpi.adapter.support.Spec211.example;
import static io.ocpi.adapter.support.Spec211.json;
import static io.ocpi.adapter.support.Spec211.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.v211.CarriedThrough211;
import io.ocpi.adapter.modules.locations.v211.LocationForm211;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.WireForm.UntranslatableException;
import io.ocpi.adapter.support.Spec211;
import io.ocpi.adapter.support.StoreOfLocations;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The 2.1.1 Session form against the examples of mod_sessions.md and canonical sessions through 2.1.1 and back. */
class SessionForm211Test {

    private static final String TEXT = "mod_sessions.md";
    private final StoreOfLocations store = new StoreOfLocations();
    private final WireForm sessions = new SessionForm211(store);

    /**
     * A session example's location as a valid 2.1.1 Location, stored as the CPO's: the text writes its type in lower
     * case, a two-letter country, and the EVSE's status as "STATUS"; 2.1.1 allows to leave out its time_zone, which
     * the canonical form requires.
     */
    private ObjectNode storeLocationOf(ObjectNode session) {
        ObjectNode location = (ObjectNode) session.get("location").deepCopy();
        location.put("type", "ON_STREET").put("country", "BEL").put("time_zone", "Europe/Brussels");
        ObjectNode evse = (ObjectNode) location.at("/evses/0");
        evse.set("status", evse.remove("STATUS"));
        store.put(accepted(new LocationForm211(Map.of()).toCanonical(location, FROM_PEER), io.ocpi.adapter.modules.locations.Location.class));
        location.remove("time_zone");
        return location;
    }

    @Test
    void theStartingSessionExampleLacksItsAuthMethodAndIsValidWithIt() {
        ObjectNode wire = example(TEXT, "Simple Session example of a just starting session").body();
        assertThatThrownBy(() -> accepted(sessions.toCanonical(wire, FROM_PEER), Session.class)).isInstanceOf(OcpiException.class)
                .hasMessage("auth_method: must not be null");
        wire.put("auth_method", "WHITELIST");
        ObjectNode canonical = accepted(sessions.toCanonical(wire, FROM_PEER), Session.class);
        assertThat(canonical.get("start_date_time").asText()).isEqualTo("2015-06-29T22:39:09Z");
        assertThat(canonical.get("cdr_token")).isEqualTo(json("""
                {"country_code": "NL", "party_id": "EXM", "uid": "DE8ACC12E46L89", "type": "OTHER", "contract_id": "DE8ACC12E46L89"}"""));
        assertThat(canonical.get("location_id").asText() + "/" + canonical.get("evse_uid").asText() + "/"
                + canonical.get("connector_id").asText()).isEqualTo("LOC1/3256/1");
        assertThat(canonical.get("total_cost")).isEqualTo(json("{\"excl_vat\": 2.50}"));

        // The location comes back as the CPO stores it, which is the example's made valid (and with its time zone).
        ObjectNode location = storeLocationOf(wire);
        location.put("time_zone", "Europe/Brussels");
        wire.set("location", location);
        assertThat(normal(sessions.toWire(canonical))).isEqualTo(normal(wire));
    }

    @Test
    void theFinishedSessionExampleIsRefusedForItsLowerCaseDimensionAndValidWithoutIt() {
        ObjectNode wire = example(TEXT, "Simple Session example of a short finished session").body();
        wire.put("auth_method", "WHITELIST");
        assertThatThrownBy(() -> accepted(sessions.toCanonical(wire, FROM_PEER), Session.class)).isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("charging_periods[1].dimensions[0].type: ");
        ((ObjectNode) wire.at("/charging_periods/1/dimensions/0")).put("type", "ENERGY");
        ObjectNode canonical = accepted(sessions.toCanonical(wire, FROM_PEER), Session.class);
        assertThat(canonical.get("end_date_time").asText()).isEqualTo("2015-06-29T23:50:16Z");

        ObjectNode location = storeLocationOf(wire);
        location.put("time_zone", "Europe/Brussels");
        wire.set("location", location);
        assertThat(normal(sessions.toWire(canonical))).isEqualTo(normal(wire));
    }

    @Test
    void theCostPatchExampleStaysPartial() {
        ObjectNode patch = example(TEXT, "Example: update the total cost").body();
        ObjectNode canonical = sessions.toCanonical(patch, FROM_PEER);
        assertThat(normal(canonical)).isEqualTo(normal(json("{\"total_cost\": {\"excl_vat\": 0.60}}")));
        assertThat(normal(sessions.toWire(canonical))).isEqualTo(normal(patch));
    }

    @Test
    void aSessionWithoutItsEvseIsRefusedNamingIt() {
        ObjectNode wire = example(TEXT, "Simple Session example of a just starting session").body();
        ((ObjectNode) wire.get("location")).remove("evses");
        assertThatThrownBy(() -> sessions.toCanonical(wire, FROM_PEER)).isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("location.evses[0]: ");
    }

    @Test
    void aSessionAtALocationNotStoredIsUntranslatable() {
        ObjectNode wire = example(TEXT, "Simple Session example of a just starting session").body().put("auth_method", "WHITELIST");
        ObjectNode canonical = accepted(sessions.toCanonical(wire, FROM_PEER), Session.class);
        assertThatThrownBy(() -> sessions.toWire(canonical)).isInstanceOf(UntranslatableException.class)
                .hasMessageStartingWith("location: ");
        ObjectNode partial = json("{\"location_id\": \"LOC1\"}");
        assertThatThrownBy(() -> sessions.toWire(partial)).isInstanceOf(UntranslatableException.class)
                .hasMessageStartingWith("location: ");
    }

    // --- canonical → 2.1.1 → canonical ------------------------------------------------------------------------------

    @Provide
    Arbitrary<ObjectNode> canonicalSessions() {
        return Spec211.canonical(Session.class);
    }

    @Provide
    Arbitrary<ObjectNode> partialSessions() {
        return Spec211.partOf(Spec211.canonical(Session.class),
                Set.of("id", "country_code", "party_id", "location_id", "evse_uid", "connector_id"));
    }

    @Property(tries = 300)
    void sessionsKeepWhatTwoOneOneCarries(@ForAll("canonicalSessions") ObjectNode session) {
        store.putExample(CarriedThrough211.owner(session), session.get("location_id").asText(), session.get("evse_uid").asText(),
                session.get("connector_id").asText());
        String refused = CarriedThrough211.untranslatablePeriod(session);
        if (refused != null) {
            assertThatThrownBy(() -> sessions.toWire(session)).isInstanceOf(UntranslatableException.class)
                    .hasMessageStartingWith(refused + ": ");
            return;
        }
        ObjectNode wire = sessions.toWire(session);
        assertThat(wire.has("cdr_token") || wire.has("location_id") || wire.has("country_code")).isFalse();
        WireForm.Parties parties = new WireForm.Parties(CarriedThrough211.owner(session), CarriedThrough211.tokenIssuer(session));
        if (!CarriedThrough211.contractIdIsAUid(session)) {
            assertThatThrownBy(() -> accepted(sessions.toCanonical(wire, parties), Session.class)).isInstanceOf(OcpiException.class)
                    .hasMessageStartingWith("cdr_token.uid: ");
            return;
        }
        ObjectNode back = accepted(sessions.toCanonical(wire, parties), Session.class);
        ObjectNode expected = session.deepCopy();
        CarriedThrough211.sharedParts(expected, CarriedThrough211.tokenIssuer(session));
        if (expected.path("status").asText().equals("RESERVATION")) {
            expected.put("status", "PENDING");
        }
        assertThat(normal(back)).isEqualTo(normal(expected));
    }

    @Property(tries = 200)
    void partialSessionsStayPartial(@ForAll("partialSessions") ObjectNode patch) {
        String refused = CarriedThrough211.untranslatablePeriod(patch);
        if (refused != null) {
            assertThatThrownBy(() -> sessions.toWire(patch)).isInstanceOf(UntranslatableException.class)
                    .hasMessageStartingWith(refused + ": ");
            return;
        }
        ObjectNode back = sessions.toCanonical(sessions.toWire(patch), FROM_PEER);
        ObjectNode expected = patch.deepCopy();
        CarriedThrough211.sharedParts(expected, Spec211.OURS);
        if (expected.path("status").asText().equals("RESERVATION")) {
            expected.put("status", "PENDING");
        }
        assertThat(normal(back)).isEqualTo(normal(expected));
    }
}
