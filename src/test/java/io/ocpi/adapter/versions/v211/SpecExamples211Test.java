package io.ocpi.adapter.versions.v211;

import static io.ocpi.adapter.support.Spec211.example;
import static io.ocpi.adapter.support.Spec211.locationAsKept;
import static io.ocpi.adapter.support.Spec211.locationExample;
import static io.ocpi.adapter.support.Spec211.normal;
import static io.ocpi.adapter.versions.v211.Scripted211.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.Spec211;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every JSON example of the 2.1.1 text (mod_*.md) sent to the adapter over HTTP by the scripted party whose object it
 * is, and read back in 2.1.1: equal to what was sent, but for what docs/translation-2.1.1.md says is derived or not
 * kept, and for the examples that are no valid 2.1.1 bodies (listed there too), which are refused naming the field
 * and accepted once corrected. A PATCH example changes what it names and dates the object when it arrives.
 */
class SpecExamples211Test {

    static Scripted211 peers;

    @BeforeAll
    static void start() {
        peers = Scripted211.start("v211-examples", Map.of());
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    /** The headings of every example, per file: each is driven by a test of this class. */
    @Test
    void everyExampleOfTheTextIsDrivenHere() {
        assertThat(headings("mod_locations.md")).containsExactly("Example: a simple status update", "Example: change the location name",
                "Example: set tariff update", "Example: add an EVSE", "Example: delete an EVSE", "Example", "Simple:", "Tariff name based:",
                "Complete:", "4.19.1 Example");
        assertThat(headings("mod_tariffs.md")).containsExactly("Example: New Tariff 2 euro per hour", "Example: Change Tariff to 2,50",
                "Simple Tariff example 2 euro per hour", "Simple Tariff example with alternative multi language text",
                "Simple Tariff example with alternative URL", "Complex Tariff example", "Free of Charge Tariff example");
        assertThat(headings("mod_sessions.md")).containsExactly("Example: update the total cost",
                "Simple Session example of a just starting session", "Simple Session example of a short finished session");
        assertThat(headings("mod_cdrs.md")).containsExactly("Example of a CDR");
        assertThat(headings("mod_tokens.md")).containsExactly("Example: put a new Token", "Example: invalidate a Token", "Example");
    }

    private static List<String> headings(String file) {
        return Spec211.examples(file).stream().map(Spec211.Example::heading).toList();
    }

    private static Reply fromCpo(String method, String module, String path, Object body) {
        return peers.cpo.call(method, peers.cpo.ours(module) + path, body);
    }

    private static void assertRefused(Reply reply, String messageStart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.ocpiStatus()).as(reply.body()).isEqualTo(2001);
        assertThat(reply.json().get("status_message").asText()).startsWith(messageStart);
    }

    /** A PATCH dates the object when it arrives: the fields it changes, and last_updated no earlier than {@code before}. */
    private static void assertPatched(JsonNode back, ObjectNode expected, Instant before) {
        assertThat(Instant.parse(back.get("last_updated").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        ObjectNode withoutDate = back.deepCopy();
        withoutDate.remove("last_updated");
        ObjectNode expectedWithoutDate = expected.deepCopy();
        expectedWithoutDate.remove("last_updated");
        assertThat(normal(withoutDate)).isEqualTo(normal(expectedWithoutDate));
    }

    // --- mod_locations.md ---------------------------------------------------------------------------------------

    @Test
    void theLocationExampleIsRefusedForItsConnectorWithoutLastUpdatedAndComesBackCorrected() {
        ObjectNode asWritten = example("mod_locations.md", "Example").body();
        asWritten.put("id", "EX1");
        assertRefused(fromCpo("PUT", "locations", "/BE/BEC/EX1", asWritten.toString()), "evses[1].connectors[0].last_updated: ");

        ObjectNode sent = locationExample("EX1");
        fromCpo("PUT", "locations", "/BE/BEC/EX1", sent.toString()).assertStatus(201);
        assertThat(normal(fromCpo("GET", "locations", "/BE/BEC/EX1", null).assertStatus(200).data())).isEqualTo(normal(locationAsKept(sent)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Simple:", "Tariff name based:", "Complete:", "4.19.1 Example"})
    void theEnergyMixAndOpeningTimesExamplesComeBackInALocation(String heading) {
        String id = "MIX-" + heading.replaceAll("[^A-Za-z0-9]", "");
        ObjectNode sent = locationExample(id);
        sent.setAll(example("mod_locations.md", heading).body());
        fromCpo("PUT", "locations", "/BE/BEC/" + id, sent.toString()).assertStatus(201);
        ObjectNode expected = locationAsKept(sent);
        if (heading.equals("4.19.1 Example")) {
            // Written with a +02:00 offset; 2.1.1's DateTime is UTC: the same instants come back in UTC.
            ((ObjectNode) expected.get("opening_times")).setAll(object("""
                    {"exceptional_openings": [{"period_begin": "2014-06-21T07:00:00Z", "period_end": "2014-06-21T10:00:00Z"}],
                     "exceptional_closings": [{"period_begin": "2014-06-23T22:00:00Z", "period_end": "2014-06-24T22:00:00Z"}]}"""));
        }
        assertThat(normal(fromCpo("GET", "locations", "/BE/BEC/" + id, null).assertStatus(200).data())).isEqualTo(normal(expected));
    }

    @Test
    void theLocationPatchExamplesChangeWhatTheyNameWithoutLastUpdated() {
        ObjectNode location = locationExample("PATCHED");
        fromCpo("PUT", "locations", "/BE/BEC/PATCHED", location.toString()).assertStatus(201);
        Instant before = Instant.now();

        ObjectNode status = example("mod_locations.md", "Example: a simple status update").body();
        assertThat(fromCpo("PATCH", "locations", "/BE/BEC/PATCHED/3256", status.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        ObjectNode evse = (ObjectNode) locationAsKept(location).at("/evses/0").deepCopy();
        evse.setAll(status);
        assertPatched(fromCpo("GET", "locations", "/BE/BEC/PATCHED/3256", null).assertStatus(200).data(), evse, before);

        ObjectNode name = example("mod_locations.md", "Example: change the location name").body();
        assertThat(fromCpo("PATCH", "locations", "/BE/BEC/PATCHED", name.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        assertThat(fromCpo("GET", "locations", "/BE/BEC/PATCHED", null).data().get("name").asText()).isEqualTo("Interparking Gent Zuid");

        ObjectNode tariff = example("mod_locations.md", "Example: set tariff update").body();
        assertThat(fromCpo("PATCH", "locations", "/BE/BEC/PATCHED/3256/2", tariff.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        ObjectNode connector = (ObjectNode) location.at("/evses/0/connectors/1").deepCopy();
        connector.setAll(tariff);
        assertPatched(fromCpo("GET", "locations", "/BE/BEC/PATCHED/3256/2", null).assertStatus(200).data(), connector, before);
        // mod_locations.md 2.1.1: the connector updated, its EVSE's and Location's last_updated are too.
        JsonNode whole = fromCpo("GET", "locations", "/BE/BEC/PATCHED", null).data();
        assertThat(whole.get("last_updated")).isEqualTo(whole.at("/evses/0/connectors/1/last_updated"));
        assertThat(whole.at("/evses/0/last_updated")).isEqualTo(whole.at("/evses/0/connectors/1/last_updated"));
    }

    @Test
    void theAddEvseExampleIsRefusedNamingWhatItLacksAndComesBackCorrected() {
        fromCpo("PUT", "locations", "/BE/BEC/1012", locationExample("1012").toString()).assertStatus(201);
        ObjectNode evse = example("mod_locations.md", "Example: add an EVSE").body();
        assertRefused(fromCpo("PUT", "locations", "/BE/BEC/1012/3256", evse.toString()), "physical_reference: ");
        evse.put("physical_reference", "3");
        Reply lacking = fromCpo("PUT", "locations", "/BE/BEC/1012/3256", evse.toString());
        assertRefused(lacking, "connectors[0].");
        // Each field named as 2.1.1 writes it.
        assertThat(List.of(lacking.json().get("status_message").asText().split("; "))).containsExactlyInAnyOrder(
                "connectors[0].amperage: must not be null", "connectors[0].last_updated: must not be null",
                "connectors[0].power_type: must not be null", "connectors[0].voltage: must not be null", "last_updated: must not be null");
        evse.remove("floor");
        evse.put("floor_level", "-1").put("last_updated", "2015-06-29T20:39:09Z");
        ((ObjectNode) evse.at("/connectors/0")).put("power_type", "AC_3_PHASE").put("voltage", 220).put("amperage", 16)
                .put("last_updated", "2015-06-29T20:39:09Z");
        assertThat(fromCpo("PUT", "locations", "/BE/BEC/1012/3256", evse.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        assertThat(normal(fromCpo("GET", "locations", "/BE/BEC/1012/3256", null).assertStatus(200).data())).isEqualTo(normal(evse));

        Instant before = Instant.now();
        ObjectNode removed = example("mod_locations.md", "Example: delete an EVSE").body();
        assertThat(fromCpo("PATCH", "locations", "/BE/BEC/1012/3256", removed.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        ObjectNode expected = evse.deepCopy();
        expected.setAll(removed);
        assertPatched(fromCpo("GET", "locations", "/BE/BEC/1012/3256", null).assertStatus(200).data(), expected, before);
    }

    // --- mod_tariffs.md -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Simple Tariff example 2 euro per hour", "Simple Tariff example with alternative multi language text",
        "Simple Tariff example with alternative URL", "Complex Tariff example", "Free of Charge Tariff example"})
    void theTariffExamplesComeBack(String heading) {
        ObjectNode sent = example("mod_tariffs.md", heading).body();
        String id = sent.get("id").asText();
        fromCpo("PUT", "tariffs", "/BE/BEC/" + id, sent.toString()).assertStatus(201);
        assertThat(normal(fromCpo("GET", "tariffs", "/BE/BEC/" + id, null).assertStatus(200).data())).isEqualTo(normal(sent));
        fromCpo("DELETE", "tariffs", "/BE/BEC/" + id, null).assertStatus(200);
    }

    @Test
    void theNewTariffExampleLacksLastUpdatedAndThePatchExampleChangesItsElements() {
        ObjectNode sent = example("mod_tariffs.md", "Example: New Tariff 2 euro per hour").body();
        sent.put("id", "NEW12");
        assertRefused(fromCpo("PUT", "tariffs", "/BE/BEC/NEW12", sent.toString()), "last_updated: must not be null");
        sent.put("last_updated", "2015-06-29T20:39:09Z");
        fromCpo("PUT", "tariffs", "/BE/BEC/NEW12", sent.toString()).assertStatus(201);
        assertThat(normal(fromCpo("GET", "tariffs", "/BE/BEC/NEW12", null).assertStatus(200).data())).isEqualTo(normal(sent));

        Instant before = Instant.now();
        ObjectNode patch = example("mod_tariffs.md", "Example: Change Tariff to 2,50").body();
        assertThat(fromCpo("PATCH", "tariffs", "/BE/BEC/NEW12", patch.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        ObjectNode expected = sent.deepCopy();
        expected.setAll(patch);
        assertPatched(fromCpo("GET", "tariffs", "/BE/BEC/NEW12", null).assertStatus(200).data(), expected, before);
    }

    // --- mod_sessions.md and mod_cdrs.md ------------------------------------------------------------------------

    /**
     * The location of a session or CDR example, PUT by the CPO as a valid 2.1.1 Location: the text writes its type in
     * lower case and the EVSE's status as "STATUS"; {@code country} where the example's two letters need fixing.
     * Answers it as the adapter keeps it, which is how it comes back inside the session or CDR.
     */
    private static ObjectNode putLocationOf(ObjectNode example, String country) {
        ObjectNode location = (ObjectNode) example.get("location").deepCopy();
        location.put("type", "ON_STREET").put("time_zone", "Europe/Brussels");
        if (country != null) {
            location.put("country", country);
        }
        ObjectNode evse = (ObjectNode) location.at("/evses/0");
        evse.set("status", evse.remove("STATUS"));
        assertThat(fromCpo("PUT", "locations", "/BE/BEC/" + location.get("id").asText(), location.toString()).ocpiStatus()).isEqualTo(1000);
        return location;
    }

    @Test
    void theStartingSessionExampleLacksItsAuthMethodAndComesBackWithIt() {
        ObjectNode sent = example("mod_sessions.md", "Simple Session example of a just starting session").body();
        ObjectNode location = putLocationOf(sent, "BEL");
        assertRefused(fromCpo("PUT", "sessions", "/BE/BEC/101", sent.toString()), "auth_method: must not be null");
        sent.put("auth_method", "WHITELIST");
        assertThat(fromCpo("PUT", "sessions", "/BE/BEC/101", sent.toString()).ocpiStatus()).isEqualTo(1000);
        ObjectNode expected = sent.deepCopy();
        expected.set("location", location);
        assertThat(normal(fromCpo("GET", "sessions", "/BE/BEC/101", null).assertStatus(200).data())).isEqualTo(normal(expected));

        Instant before = Instant.now();
        ObjectNode patch = example("mod_sessions.md", "Example: update the total cost").body();
        assertThat(fromCpo("PATCH", "sessions", "/BE/BEC/101", patch.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        expected.setAll(patch);
        assertPatched(fromCpo("GET", "sessions", "/BE/BEC/101", null).assertStatus(200).data(), expected, before);
    }

    @Test
    void theFinishedSessionExampleIsRefusedForItsLowerCaseDimensionAndComesBackCorrected() {
        ObjectNode sent = example("mod_sessions.md", "Simple Session example of a short finished session").body();
        sent.put("id", "102");
        ObjectNode location = putLocationOf(sent, "BEL");
        sent.put("auth_method", "WHITELIST");
        assertRefused(fromCpo("PUT", "sessions", "/BE/BEC/102", sent.toString()), "charging_periods[1].dimensions[0].type: ");
        ((ObjectNode) sent.at("/charging_periods/1/dimensions/0")).put("type", "ENERGY");
        assertThat(fromCpo("PUT", "sessions", "/BE/BEC/102", sent.toString()).ocpiStatus()).isEqualTo(1000);
        ObjectNode expected = sent.deepCopy();
        expected.set("location", location);
        assertThat(normal(fromCpo("GET", "sessions", "/BE/BEC/102", null).assertStatus(200).data())).isEqualTo(normal(expected));
    }

    @Test
    void theCdrExampleIsRefusedForItsTariffAndComesBackCorrectedWhereItsLocationHeaderSays() {
        ObjectNode sent = example("mod_cdrs.md", "Example of a CDR").body();
        ObjectNode location = putLocationOf(sent, null);
        assertRefused(fromCpo("POST", "cdrs", "", sent.toString()), "tariffs[0].elements[0].price_components[0].price: ");
        // Its tariff's price is a string and its last_updated sits in the element.
        ObjectNode tariff = (ObjectNode) sent.at("/tariffs/0");
        ((ObjectNode) tariff.at("/elements/0/price_components/0")).put("price", 2.00);
        tariff.set("last_updated", ((ObjectNode) tariff.at("/elements/0")).remove("last_updated"));
        Reply posted = fromCpo("POST", "cdrs", "", sent.toString());
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.ocpiStatus()).isEqualTo(1000);
        String at = posted.header("Location");
        assertThat(at).isEqualTo(peers.adapter.baseUrl() + "/ocpi/emsp/2.1.1/cdrs/BE/BEC/12345");
        ObjectNode expected = sent.deepCopy();
        expected.set("location", location);
        assertThat(normal(peers.cpo.call("GET", at.substring(peers.adapter.baseUrl().length()), null).assertStatus(200).data()))
                .isEqualTo(normal(expected));
    }

    // --- mod_tokens.md ------------------------------------------------------------------------------------------

    private static Reply fromEmsp(String method, String path, Object body) {
        return peers.emsp.call(method, peers.emsp.ours("tokens") + path, body);
    }

    @Test
    void theTokenExamplesComeBackAndTheInvalidateExampleInvalidates() {
        ObjectNode put = example("mod_tokens.md", "Example: put a new Token").body();
        assertThat(fromEmsp("PUT", "/DE/EMP/012345678", put.toString()).assertStatus(201).ocpiStatus()).isEqualTo(1000);
        assertThat(normal(fromEmsp("GET", "/DE/EMP/012345678", null).assertStatus(200).data())).isEqualTo(normal(put));

        ObjectNode token = example("mod_tokens.md", "Example").body();
        assertThat(fromEmsp("PUT", "/DE/EMP/012345678", token.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        assertThat(normal(fromEmsp("GET", "/DE/EMP/012345678", null).assertStatus(200).data())).isEqualTo(normal(token));

        Instant before = Instant.now();
        ObjectNode invalidate = example("mod_tokens.md", "Example: invalidate a Token").body();
        assertThat(fromEmsp("PATCH", "/DE/EMP/012345678", invalidate.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        ObjectNode expected = token.deepCopy();
        expected.setAll(invalidate);
        assertPatched(fromEmsp("GET", "/DE/EMP/012345678", null).assertStatus(200).data(), expected, before);
    }
}
