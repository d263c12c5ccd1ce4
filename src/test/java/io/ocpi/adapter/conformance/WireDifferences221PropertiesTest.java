package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.locations.Connector;
import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiJson;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.WireForms;
import io.ocpi.adapter.support.AllWireForms;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The 2.2.1 forms' {@link WireForm#differences}: stored text that holds none of them goes to a 2.2.1 peer as it is, and
 * that is only so where the form's translation would change nothing; text that holds any is translated as before.
 * Objects are generated with and without what 2.3.0 added, and with values 2.2.1 does not know at every place a value
 * is checked, alone and together.
 */
class WireDifferences221PropertiesTest {

    private static final ObjectMapper JSON = OcpiJson.newMapper();
    private static final WireForms FORMS = AllWireForms.FORMS;
    private static final VersionNumber V2_2_1 = VersionNumber.V2_2_1;

    /** A change to a canonical object: what 2.3.0 adds, or values 2.2.1 has too. */
    private record Change(String name, java.util.function.Consumer<ObjectNode> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Change change(String name, java.util.function.Consumer<ObjectNode> apply) {
        return new Change(name, apply);
    }

    private static ObjectNode evse(ObjectNode location, int i) {
        return (ObjectNode) location.get("evses").get(i);
    }

    private static ObjectNode connector(ObjectNode location) {
        return (ObjectNode) location.get("evses").get(0).get("connectors").get(0);
    }

    private static ObjectNode image(String category) {
        return JSON.createObjectNode().put("url", "https://example.com/i.png").put("category", category).put("type", "png");
    }

    private static final List<Change> LOCATION_CHANGES = List.of(
            change("parking type 2.2.1 lacks", l -> l.put("parking_type", "ROOFTOP")),
            change("parking type of 2.2.1", l -> l.put("parking_type", "ON_STREET")),
            change("facility 2.2.1 lacks", l -> l.putArray("facilities").add("CAFE").add("SPACEPORT")),
            change("facilities of 2.2.1", l -> l.putArray("facilities").add("CAFE").add("MALL")),
            change("image category 2.2.1 lacks", l -> l.putArray("images").add(image("CHARGER")).add(image("SELFIE"))),
            change("image categories of 2.2.1", l -> l.putArray("images").add(image("CHARGER")).add(image("LOCATION"))),
            change("operator logo 2.2.1 lacks", l -> l.putObject("owner").put("name", "O").set("logo", image("BANNER"))),
            change("operator logo of 2.2.1", l -> l.putObject("operator").put("name", "O").set("logo", image("OPERATOR"))),
            change("environmental impact 2.2.1 lacks", l -> l.putObject("energy_mix").put("is_green_energy", true).putArray("environ_impact")
                    .add(JSON.createObjectNode().put("category", "NUCLEAR_WASTE").put("amount", 1))
                    .add(JSON.createObjectNode().put("category", "MICROPLASTICS").put("amount", 2))),
            change("environmental impact of 2.2.1", l -> l.putObject("energy_mix").put("is_green_energy", true).putArray("environ_impact")
                    .add(JSON.createObjectNode().put("category", "CARBON_DIOXIDE").put("amount", 1))),
            change("published to an EMAID", l -> l.putArray("publish_allowed_to").addObject().put("uid", "U").put("type", "EMAID")),
            change("published to an RFID", l -> l.putArray("publish_allowed_to").addObject().put("uid", "U").put("type", "RFID")),
            change("EVSE capability 2.2.1 lacks", l -> evse(l, 0).putArray("capabilities").add("RESERVABLE").add("TELEPORT")),
            change("EVSE capabilities of 2.2.1", l -> evse(l, 1).putArray("capabilities").add("RFID_READER")),
            change("parking restriction 2.3.0 added", l -> evse(l, 0).putArray("parking_restrictions").add("EV_ONLY").add("TAXIS")),
            change("parking restrictions of 2.2.1", l -> evse(l, 1).putArray("parking_restrictions").add("EV_ONLY").add("CUSTOMERS")),
            change("EVSE image 2.2.1 lacks", l -> evse(l, 1).putArray("images").add(image("DRONE"))),
            change("EVSE parking", l -> evse(l, 0).putArray("parking").addObject().put("parking_id", "1")),
            change("accepted service providers", l -> evse(l, 1).putArray("accepted_service_providers").add("Provider A")),
            change("connector capabilities", l -> connector(l).putArray("capabilities").add("ISO_15118_2_PLUG_AND_CHARGE")),
            change("connector standard 2.3.0 added", l -> connector(l).put("standard", "MCS")),
            change("connector standard of 2.2.1", l -> connector(l).put("standard", "CHADEMO")),
            change("help phone", l -> l.put("help_phone", "+3212345678")),
            change("fields named as 2.3.0's elsewhere", l -> l.putObject("coordinates").put("latitude", "51.0").put("longitude", "3.7")
                    .put("parking", "no").put("standard", "SAE_J3400")));

    /** A location as 2.2.1 has it, with some of the changes above. */
    static Arbitrary<ObjectNode> locations() {
        return Arbitraries.of(LOCATION_CHANGES).set().ofMaxSize(4).map(changes -> {
            ObjectNode location = plain(Location.class, WireForms230PropertiesTest.seed("location_example.json", Location.class));
            changes.forEach(change -> change.apply().accept(location));
            return location;
        });
    }

    static Arbitrary<String> tokenTypes() {
        return Arbitraries.of("RFID", "APP_USER", "AD_HOC_USER", "OTHER", "EMAID", "SOMETHING_NEW");
    }

    @Provide
    Arbitrary<WireForms230PropertiesTest.Sample> objects() {
        Arbitrary<ObjectNode> sessions = WireForms230PropertiesTest.sessions().flatMap(session -> tokenTypes().map(type -> {
            ((ObjectNode) session.get("cdr_token")).put("type", type);
            return session;
        }));
        Arbitrary<ObjectNode> cdrs = WireForms230PropertiesTest.cdrs().flatMap(cdr -> Arbitraries.of("IEC_62196_T2", "MCS", "SAE_J3400", "NEMA_5_20")
                .map(standard -> {
                    ((ObjectNode) cdr.get("cdr_location")).put("connector_standard", standard);
                    return cdr;
                }));
        Arbitrary<ObjectNode> tokens = tokenTypes().map(type -> JSON.createObjectNode().put("country_code", "NL").put("party_id", "UMS")
                .put("uid", "B1").put("type", type).put("contract_id", "NL-UMS-B1").put("last_updated", "2025-01-01T00:00:00Z"));
        return Arbitraries.oneOf(
                locations().map(l -> new WireForms230PropertiesTest.Sample(Location.class, l)),
                locations().map(l -> new WireForms230PropertiesTest.Sample(Evse.class, evse(l, 0))),
                locations().map(l -> new WireForms230PropertiesTest.Sample(Connector.class, connector(l))),
                WireForms230PropertiesTest.tariffs().map(t -> new WireForms230PropertiesTest.Sample(Tariff.class, t)),
                sessions.map(s -> new WireForms230PropertiesTest.Sample(Session.class, s)),
                cdrs.map(c -> new WireForms230PropertiesTest.Sample(Cdr.class, c)),
                tokens.map(t -> new WireForms230PropertiesTest.Sample(Token.class, t)),
                new WireForms230PropertiesTest().canonical());
    }

    @Provide
    Arbitrary<WireForms230PropertiesTest.Sample> plainObjects() {
        return Arbitraries.oneOf(
                new WireForms230PropertiesTest().canonical().map(sample -> new WireForms230PropertiesTest.Sample(sample.type(),
                        plain(sample.type(), sample.canonical()))),
                locations().filter(l -> !l.toString().contains("EMAID") && !l.toString().contains("\"MCS\""))
                        .map(l -> new WireForms230PropertiesTest.Sample(Location.class, plain(Location.class, l))));
    }

    @Property(tries = 1000)
    void textWithoutTheDifferencesIsWhatTheTranslationWouldWrite(@ForAll("objects") WireForms230PropertiesTest.Sample sample) throws Exception {
        String text = JSON.writeValueAsString(sample.canonical());
        WireForm form = FORMS.of(sample.type(), V2_2_1).orElseThrow();
        ObjectNode parsed = (ObjectNode) JSON.readTree(text);
        Object translated = outcome(() -> form.toWire(parsed.deepCopy()).toString());
        Object written = outcome(() -> FORMS.toWire(sample.type(), V2_2_1, text));
        assertThat(read(written)).isEqualTo(read(translated));
        if (!form.differences().orElseThrow().foundIn(text)) {
            assertThat(read(translated)).as("translated though no difference was found").isEqualTo(parsed);
            assertThat(written).isSameAs(text);
        }
    }

    @Property(tries = 300)
    void anObjectWithoutWhatOnly230HasGoesTo221AsItsText(@ForAll("plainObjects") WireForms230PropertiesTest.Sample sample) throws Exception {
        String text = JSON.writeValueAsString(sample.canonical());
        assertThat(FORMS.toWire(sample.type(), V2_2_1, text)).isSameAs(text);
    }

    @Property(tries = 300)
    void whatOnly230HasNeverReaches221(@ForAll("objects") WireForms230PropertiesTest.Sample sample) throws Exception {
        String text = JSON.writeValueAsString(sample.canonical());
        if (outcome(() -> FORMS.toWire(sample.type(), V2_2_1, text)) instanceof String written) {
            JsonNode wire = JSON.readTree(written);
            for (String field : List.of("help_phone", "parking_places", "accepted_service_providers", "preauthorize_amount", "tax_included", "taxes")) {
                assertThat(wire.findValues(field)).as(field).isEmpty();
            }
            wire.findValues("connectors").forEach(connectors -> connectors.forEach(c -> assertThat(c.has("capabilities")).isFalse()));
            wire.findValues("evses").forEach(evses -> evses.forEach(e -> assertThat(e.has("parking")).isFalse()));
            assertThat(wire.findValuesAsText("parking_restrictions")).doesNotContain("TAXIS");
            assertThat(written).doesNotContain("\"ROOFTOP\"", "\"SPACEPORT\"", "\"SELFIE\"", "\"BANNER\"", "\"MICROPLASTICS\"", "\"TELEPORT\"",
                    "\"DRONE\"", "\"TAXIS\"");
        }
    }

    /** The object as a 2.2.1 peer reads it, which is then all 2.2.1's: what the 2.2.1 form writes. */
    private static ObjectNode plain(Class<?> type, ObjectNode canonical) {
        return FORMS.of(type, V2_2_1).orElseThrow().toWire(canonical);
    }

    /** A translation that threw. */
    private record Refused(Class<?> exception) {
    }

    /** The translation's JSON text, or what it threw. */
    private static Object outcome(Supplier<String> translation) {
        try {
            return translation.get();
        } catch (RuntimeException e) {
            return new Refused(e.getClass());
        }
    }

    /** JSON text read as the adapter reads it (numbers alike, however they were made); anything else as it is. */
    private static Object read(Object outcome) throws Exception {
        return outcome instanceof String json ? JSON.readTree(json) : outcome;
    }
}
