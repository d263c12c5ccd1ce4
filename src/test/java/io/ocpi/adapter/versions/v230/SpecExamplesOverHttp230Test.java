package io.ocpi.adapter.versions.v230;

import static io.ocpi.adapter.support.Spec230.example;
import static io.ocpi.adapter.support.Spec230.normal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Received;
import io.ocpi.adapter.support.Spec230;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example body of the 2.3.0 specification that is a request or a stored object, sent to the adapter over HTTP
 * by a 2.3.0 peer at the URL the specification gives it (PUT, PATCH or POST), then read back in 2.3.0: equal to what
 * was sent, except where docs/translation-2.3.0.md says otherwise (an EVSE's parking ids are written back as the
 * EVSEParking objects the text defines; a tariff inside a CDR without tax_included gets NO). Partial examples (PATCH
 * bodies, opening hours, energy mixes, a display text) are applied to a whole object of the specification's examples.
 * Examples of requests the adapter makes (a PTP's Terminals Sender) go out through its enterprise inputs and reach
 * the peer as they are. The version information examples are answers, not requests, and name hosts of example.com.
 */
class SpecExamplesOverHttp230Test {

    static Peer230 peer;

    /** Two examples of the specification are no valid object: each is refused naming the field. */
    static final Map<String, String> FLAWED = Map.of(
            "location_put_example_add_evse.json", "physical_reference: must be a string",
            "tariff_put_example.json", "last_updated: must not be null");

    @BeforeAll
    static void start() {
        peer = Peer230.start("examples230");
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(Spec230.EXAMPLES)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .filter(name -> !name.startsWith("version") && !name.startsWith("transport_and_format_version"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void isSentThroughTheAdapterAndReadBackIn230(String name) {
        ObjectNode example = example(name);
        if (name.startsWith("location_example")) {
            assertStoredAndReadBack(name, locationPath(example), example, writtenBack(example));
        } else if (name.startsWith("location_put_example")) {
            String parent = wholeLocation("PUTEVSE");
            assertRefused(peer.call("PUT", parent + "/" + example.get("uid").asText(), example), name);
        } else if (name.startsWith("location_patch_example_location") || name.startsWith("location_energymix")
                || name.startsWith("location_hours") || name.startsWith("location_regularhours")) {
            String path = wholeLocation(id(name));
            ObjectNode patch = name.startsWith("location_hours")
                    ? Spec230.JSON.createObjectNode().set("opening_times", example) : example.deepCopy();
            patch.put("last_updated", "2030-01-01T00:00:00Z");
            assertPatched(path, patch);
        } else if (name.startsWith("location_patch_example_status") || name.startsWith("location_patch_example_remove_evse")) {
            assertPatched(wholeLocation(id(name)) + "/3256", example);
        } else if (name.startsWith("location_patch_example_tariff")) {
            assertPatched(wholeLocation(id(name)) + "/3256/1", example);
        } else if (name.startsWith("session_example")) {
            assertStoredAndReadBack(name, ownedPath("sessions", example, "id"), example, example);
        } else if (name.startsWith("session_patch")) {
            ObjectNode session = example("session_example_2_short_finished.json").put("id", id(name));
            String path = ownedPath("sessions", session, "id");
            peer.call("PUT", path, session).assertStatus(201);
            // mod_sessions: charging periods in a PATCH are added to those the session has.
            ObjectNode expected = example.deepCopy();
            if (example.has("charging_periods")) {
                ArrayNode periods = session.withArray("charging_periods").deepCopy();
                example.get("charging_periods").forEach(periods::add);
                expected.set("charging_periods", periods);
            }
            assertPatched(path, example, expected);
        } else if (name.startsWith("cdr_example")) {
            Reply posted = peer.call("POST", Peer230.emsp("cdrs"), example);
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            String location = posted.header("Location");
            assertThat(location).isNotNull();
            Reply read = peer.call("GET", location.substring(peer.adapter.baseUrl().length()), null).assertStatus(200);
            assertThat(normal(read.data())).isEqualTo(normal(writtenBack(example)));
        } else if (name.startsWith("tariff")) {
            ObjectNode tariff = example.put("id", id(name));
            if (FLAWED.containsKey(name)) {
                assertRefused(peer.call("PUT", ownedPath("tariffs", tariff, "id"), tariff), name);
            } else {
                assertStoredAndReadBack(name, ownedPath("tariffs", tariff, "id"), tariff, tariff);
            }
        } else if (name.startsWith("type_displaytext")) {
            ObjectNode tariff = example("tariff_2_alt_text.json").put("id", id(name));
            tariff.putArray("tariff_alt_text").add(example);
            assertStoredAndReadBack(name, ownedPath("tariffs", tariff, "id"), tariff, tariff);
        } else if (name.startsWith("token_patch")) {
            ObjectNode token = example("token_example_2_full_rfid.json").put("uid", id(name));
            String path = tokenPath(token);
            peer.call("PUT", path, token).assertStatus(201);
            assertPatched(path, example);
        } else if (name.startsWith("token")) {
            assertStoredAndReadBack(name, tokenPath(example), example, example);
        } else if (name.startsWith("transport_and_format_get_token")) {
            JsonNode data = example.get("data");
            for (JsonNode token : data.isArray() ? data : Spec230.JSON.createArrayNode().add(data)) {
                assertStoredAndReadBack(name, tokenPath(token), (ObjectNode) token, token);
            }
        } else if (name.startsWith("payment_terminal_create") || name.startsWith("payment_terminal_example")) {
            assertPostedByThePtp(name, "terminals", example, "terminal_id");
        } else if (name.startsWith("payment_financial_advice_confirmation")) {
            assertPostedByThePtp(name, "financial-advice-confirmations", example, "id");
        } else if (name.startsWith("payment_terminal")) {
            assertSentToThePtp(name, example);
        } else if (name.startsWith("credentials_example")) {
            assertRegistered(name, example);
        } else {
            throw new AssertionError("no way to send " + name);
        }
    }

    // --- Owned objects -------------------------------------------------------------------------------------------

    static void assertStoredAndReadBack(String name, String path, ObjectNode sent, JsonNode expected) {
        Reply put = peer.call("PUT", path, sent);
        assertThat(put.status()).as(name + ": " + put.body()).isIn(200, 201);
        assertThat(put.ocpiStatus()).as(put.body()).isEqualTo(1000);
        Reply read = peer.call("GET", path, null).assertStatus(200);
        assertThat(normal(read.data())).as(name).isEqualTo(normal(expected));
    }

    /** PATCHes {@code patch} and reads back every field it named, with the value it gave (or {@code expected}'s). */
    static void assertPatched(String path, ObjectNode patch) {
        assertPatched(path, patch, patch);
    }

    static void assertPatched(String path, ObjectNode patch, ObjectNode expected) {
        Reply patched = peer.call("PATCH", path, patch);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.ocpiStatus()).as(patched.body()).isEqualTo(1000);
        JsonNode read = peer.call("GET", path, null).assertStatus(200).data();
        expected.fields().forEachRemaining(field -> assertThat(normal(read.get(field.getKey()))).as(field.getKey())
                .isEqualTo(normal(field.getValue())));
    }

    static void assertRefused(Reply reply, String name) {
        assertThat(reply.ocpiStatus()).as(reply.body()).isEqualTo(2001);
        assertThat(reply.json().get("status_message").asText()).isEqualTo(FLAWED.get(name));
    }

    /** The spec's location_example under another id, stored at the adapter; answers its path. */
    static String wholeLocation(String id) {
        ObjectNode location = example("location_example.json").put("id", id);
        String path = locationPath(location);
        peer.call("PUT", path, location).assertStatus(201);
        return path;
    }

    static String locationPath(JsonNode location) {
        return ownedPath("locations", location, "id");
    }

    static String ownedPath(String module, JsonNode object, String idField) {
        return Peer230.emsp(module) + "/" + object.get("country_code").asText() + "/" + object.get("party_id").asText()
                + "/" + object.get(idField).asText();
    }

    static String tokenPath(JsonNode token) {
        return Peer230.cpo("tokens") + "/" + token.get("country_code").asText() + "/" + token.get("party_id").asText()
                + "/" + token.get("uid").asText() + "?type=" + token.get("type").asText();
    }

    /** An id of the example's own, so that examples sharing an id do not overwrite each other. */
    static String id(String name) {
        String id = name.replace(".json", "").replace("_example", "");
        return id.length() <= 36 ? id : id.substring(id.length() - 36);
    }

    /**
     * What docs/translation-2.3.0.md says the adapter writes back for the example: an EVSE's parking ids as
     * EVSEParking objects, a CDR's tariff without tax_included with tax_included NO.
     */
    static JsonNode writtenBack(JsonNode example) {
        ObjectNode expected = example.deepCopy();
        for (JsonNode evse : expected.path("evses")) {
            if (evse.get("parking") instanceof ArrayNode parking) {
                for (int i = 0; i < parking.size(); i++) {
                    if (parking.get(i).isTextual()) {
                        parking.set(i, parking.objectNode().put("parking_id", parking.get(i).asText()));
                    }
                }
            }
        }
        for (JsonNode tariff : expected.path("tariffs")) {
            if (!tariff.has("tax_included")) {
                ((ObjectNode) tariff).put("tax_included", "NO");
            }
        }
        return expected;
    }

    // --- Payments ------------------------------------------------------------------------------------------------

    static void assertPostedByThePtp(String name, String collection, ObjectNode example, String idField) {
        String path = Peer230.cpo("payments/" + collection);
        Reply created = peer.call("POST", path, example, Peer230.PEER_PTP, Peer230.OUR_CPO);
        assertThat(created.status()).as(name + ": " + created.body()).isIn(200, 201);
        assertThat(created.ocpiStatus()).isEqualTo(1000);
        Reply read = peer.call("GET", path + "/" + example.get(idField).asText(), null, Peer230.PEER_PTP, Peer230.OUR_CPO).assertStatus(200);
        assertThat(normal(read.data())).as(name).isEqualTo(normal(example));
    }

    /** A body of ours to the PTP's Terminals Sender, from our enterprise side, arrives as it is. */
    static void assertSentToThePtp(String name, ObjectNode example) {
        String terminal = "55719888-ed09-4cca-82cc-803bdb77bf26";
        Map<String, Object> toThePtp = Map.of("OcpiCountryCode", "NL", "OcpiPartyId", "PTP", "OcpiObjectId", terminal);
        String base = Peer230.peerPath("payments", "SENDER") + "/terminals/";
        String input;
        String path;
        String method;
        if (name.equals("payment_terminal_activate.json")) {
            input = "activate";
            path = base + "activate";
            method = "POST";
        } else if (name.equals("payment_terminal_location_assignment.json")) {
            input = "assign";
            path = base + terminal;
            method = "PATCH";
        } else {
            assertThat(name).isEqualTo("payment_terminal_put_update.json");
            input = "update";
            path = base + terminal;
            method = "PUT";
        }
        peer.answer(path, "null");
        peer.input("ocpi.payments.terminals." + input, example.toString(), toThePtp);
        Received received = peer.awaitReceived(method, path);
        assertThat(Spec230.json(received.body())).isEqualTo(example);
        assertThat(received.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(received.header("OCPI-to-party-id")).isEqualTo("PTP");
    }

    // --- Credentials ---------------------------------------------------------------------------------------------

    /** The example registers (its versions URL on example.com replaced by a reachable one); its roles are kept. */
    static void assertRegistered(String name, ObjectNode example) {
        try (FakePeer platform = new FakePeer()) {
            Peer230.offer230(platform);
            ObjectNode credentials = example.deepCopy().put("url", platform.url("/versions"));
            String peerName = name.replace(".json", "");
            Reply registered = peer.adapter.ocpi("POST", "/ocpi/2.3.0/credentials", peer.adapter.invite(peerName), credentials.toString());
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            assertThat(registered.ocpiStatus()).isEqualTo(1000);
            JsonNode view = null;
            for (JsonNode registeredPeer : peer.adapter.admin("GET", "/peers", null).json()) {
                if (registeredPeer.get("name").asText().equals(peerName)) {
                    view = registeredPeer;
                }
            }
            assertThat(view).isNotNull();
            assertThat(view.get("version").asText()).isEqualTo("2.3.0");
            List<String> roles = new java.util.ArrayList<>();
            view.get("roles").forEach(role -> roles.add(role.get("role").asText() + " " + role.get("country_code").asText()
                    + "*" + role.get("party_id").asText() + " " + role.at("/business_details/name").asText()));
            List<String> expected = new java.util.ArrayList<>();
            example.get("roles").forEach(role -> expected.add(role.get("role").asText() + " " + role.get("country_code").asText()
                    + "*" + role.get("party_id").asText() + " " + role.at("/business_details/name").asText()));
            assertThat(roles).containsAll(expected);
        }
    }
}
