package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.PeerPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON example of the specification that is a request body is accepted by the matching Receiver interface and
 * comes back equal, field by field, from the matching GET.
 */
class SpecExamplesTest {

    static PeerPlatform platform;

    @BeforeAll
    static void start() {
        platform = PeerPlatform.start("examples");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static JsonNode example(String name) {
        try (InputStream in = SpecExamplesTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return AdapterInstance.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    static String ownerPath(JsonNode object, String idField) {
        return object.get("country_code").asText() + "/" + object.get("party_id").asText() + "/" + object.get(idField).asText();
    }

    static Stream<String> locations() {
        return Stream.of("location_example.json", "location_example_parking_garage_opening_hours.json",
                "location_example_uc2_destination_charger.json", "location_example_uc3_destination_charger_not_published.json",
                "location_example_uc4_limited_visibility.json", "location_example_uc5_home_charge_point.json");
    }

    @ParameterizedTest
    @MethodSource("locations")
    void locationsComeBackAsPut(String name) {
        JsonNode location = example(name);
        String path = "/ocpi/emsp/2.2.1/locations/" + ownerPath(location, "id");
        assertThat(platform.call("PUT", path, location).status()).isIn(200, 201);
        assertThat(platform.call("GET", path, null).assertStatus(200).data()).isEqualTo(location);
    }

    @Test
    void anEvseIsAddedAndPatchedInsideItsLocation() {
        JsonNode location = example("location_example.json");
        String path = "/ocpi/emsp/2.2.1/locations/" + ownerPath(location, "id");
        assertThat(platform.call("PUT", path, location).status()).isIn(200, 201);

        // The spec's EVSE example is no valid EVSE: it writes a number for physical_reference, "floor" for
        // floor_level, and its connector lacks four required fields. It is refused, naming the fields; a corrected
        // copy is not.
        JsonNode flawed = example("location_put_example_add_evse.json");
        String evsePath = path + "/" + flawed.get("uid").asText();
        Reply refused = platform.call("PUT", evsePath, flawed);
        assertThat(refused.ocpiStatus()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText()).isEqualTo("physical_reference: must be a string");
        refused = platform.call("PUT", evsePath, ((ObjectNode) flawed.deepCopy()).put("physical_reference", "3"));
        assertThat(refused.ocpiStatus()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText()).isEqualTo("connectors[0].last_updated: must not be null; "
                + "connectors[0].max_amperage: must not be null; connectors[0].max_voltage: must not be null; "
                + "connectors[0].power_type: must not be null");
        ObjectNode evse = flawed.deepCopy();
        evse.remove("floor");
        evse.put("floor_level", "-1");
        evse.put("physical_reference", "3");
        ((ObjectNode) evse.get("connectors").get(0)).put("power_type", "AC_3_PHASE").put("max_voltage", 220).put("max_amperage", 16)
                .put("last_updated", evse.get("last_updated").asText());
        assertThat(platform.call("PUT", evsePath, evse).status()).isIn(200, 201);
        assertThat(platform.call("GET", evsePath, null).assertStatus(200).data()).isEqualTo(evse);
        JsonNode stored = platform.call("GET", path, null).data();
        assertThat(stored.get("last_updated")).isEqualTo(evse.get("last_updated"));

        JsonNode status = example("location_patch_example_status.json");
        platform.call("PATCH", evsePath, status).assertStatus(200);
        JsonNode patched = platform.call("GET", evsePath, null).data();
        assertThat(patched.get("status")).isEqualTo(status.get("status"));
        assertThat(patched.get("last_updated")).isEqualTo(status.get("last_updated"));
        assertThat(platform.call("GET", path, null).data().get("last_updated")).isEqualTo(status.get("last_updated"));

        JsonNode name = example("location_patch_example_location.json");
        platform.call("PATCH", path, name).assertStatus(200);
        assertThat(platform.call("GET", path, null).data().get("name")).isEqualTo(name.get("name"));

        JsonNode tariff = example("location_patch_example_tariff.json");
        String connectorPath = evsePath + "/" + evse.get("connectors").get(0).get("id").asText();
        platform.call("PATCH", connectorPath, tariff).assertStatus(200);
        assertThat(platform.call("GET", connectorPath, null).data().get("tariff_ids")).isEqualTo(tariff.get("tariff_ids"));

        JsonNode removed = example("location_patch_example_remove_evse.json");
        platform.call("PATCH", evsePath, removed).assertStatus(200);
        assertThat(platform.call("GET", evsePath, null).data().get("status").asText()).isEqualTo("REMOVED");
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void sessionsComeBackAsPut(String name) {
        JsonNode session = example(name);
        String path = "/ocpi/emsp/2.2.1/sessions/" + ownerPath(session, "id");
        assertThat(platform.call("PUT", path, session).status()).isIn(200, 201);
        assertThat(platform.call("GET", path, null).assertStatus(200).data()).isEqualTo(session);
    }

    static Stream<String> sessions() {
        return Stream.of("session_example_1_simple_start.json", "session_example_2_short_finished.json");
    }

    @Test
    void sessionPatchesAppendChargingPeriods() {
        JsonNode session = example("session_example_2_short_finished.json");
        String path = "/ocpi/emsp/2.2.1/sessions/" + ownerPath(session, "id");
        assertThat(platform.call("PUT", path, session).status()).isIn(200, 201);
        int before = session.get("charging_periods").size();

        JsonNode periods = example("session_patch_example_charging_period.json");
        platform.call("PATCH", path, periods).assertStatus(200);
        JsonNode patched = platform.call("GET", path, null).data();
        assertThat(patched.get("charging_periods")).hasSize(before + periods.get("charging_periods").size());
        assertThat(patched.get("charging_periods").get(before)).isEqualTo(periods.get("charging_periods").get(0));
        assertThat(patched.get("kwh")).isEqualTo(periods.get("kwh"));

        JsonNode cost = example("session_patch_example_total_cost.json");
        platform.call("PATCH", path, cost).assertStatus(200);
        assertThat(platform.call("GET", path, null).data().get("total_cost")).isEqualTo(cost.get("total_cost"));
    }

    @Test
    void theCdrComesBackFromItsLocation() {
        JsonNode cdr = example("cdr_example.json");
        Reply posted = platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", cdr).assertStatus(201);
        String location = posted.header("Location");
        assertThat(location).isEqualTo(platform.adapter.baseUrl() + "/ocpi/emsp/2.2.1/cdrs/" + ownerPath(cdr, "id"));
        Reply read = AdapterInstance.send("GET", location, java.util.Map.of("Authorization", "Token " + AdapterInstance.base64(platform.token)), null);
        assertThat(read.assertStatus(200).data()).isEqualTo(cdr);
    }

    static Stream<String> tariffs() throws IOException {
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/spec-examples"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("tariff"))
                    .sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("tariffs")
    void tariffsComeBackAsPut(String name) {
        JsonNode tariff = example(name);
        if (name.equals("tariff_put_example.json")) {
            // The spec's PUT example lacks the required last_updated: refused, naming it; accepted once it is there.
            Reply refused = platform.call("PUT", "/ocpi/emsp/2.2.1/tariffs/" + ownerPath(tariff, "id"), tariff);
            assertThat(refused.json().get("status_message").asText()).isEqualTo("last_updated: must not be null");
            tariff = ((ObjectNode) tariff.deepCopy()).put("last_updated", "2018-12-18T17:07:11Z");
        }
        String path = "/ocpi/emsp/2.2.1/tariffs/" + ownerPath(tariff, "id");
        assertThat(platform.call("PUT", path, tariff).status()).isIn(200, 201);
        assertThat(platform.call("GET", path, null).assertStatus(200).data()).isEqualTo(tariff);
    }

    static Stream<String> tokens() {
        return Stream.of("token_example_1_app_user.json", "token_example_2_full_rfid.json", "token_put_example.json");
    }

    @ParameterizedTest
    @MethodSource("tokens")
    void tokensComeBackAsPut(String name) {
        JsonNode token = example(name);
        String path = "/ocpi/cpo/2.2.1/tokens/" + ownerPath(token, "uid") + "?type=" + token.get("type").asText();
        assertThat(platform.call("PUT", path, token).status()).isIn(200, 201);
        assertThat(platform.call("GET", path, null).assertStatus(200).data()).isEqualTo(token);
    }

    @Test
    void aTokenPatchInvalidatesIt() {
        JsonNode token = example("token_put_example.json");
        String path = "/ocpi/cpo/2.2.1/tokens/" + ownerPath(token, "uid") + "?type=" + token.get("type").asText();
        platform.call("PUT", path, token);
        JsonNode patch = example("token_patch_example.json");
        platform.call("PATCH", path, patch).assertStatus(200);
        JsonNode patched = platform.call("GET", path, null).data();
        assertThat(patched.get("valid").asBoolean()).isFalse();
        ObjectNode expected = token.deepCopy();
        expected.setAll((ObjectNode) patch);
        assertThat(patched).isEqualTo(expected);
    }
}
