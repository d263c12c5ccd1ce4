package io.ocpi.adapter.versions.v230;

import static io.ocpi.adapter.support.Spec230.example;
import static io.ocpi.adapter.support.Spec230.json;
import static io.ocpi.adapter.versions.v230.Peer230.cpo;
import static io.ocpi.adapter.versions.v230.Peer230.emsp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.FakePeer.Received;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mod_locations.asciidoc of 2.3.0 with a 2.3.0 peer: our Sender interface (the list with its pagination, one
 * Location, EVSE or Connector), our Receiver interface (PUT, PATCH and GET of the peer's Locations, EVSEs and
 * Connectors), our pushes to the peer's Receiver and our pull of its Sender through its Link header; 2.3.0's own
 * fields, open enums and unknown fields; and each interface's refusals.
 */
class Locations230Test {

    static Peer230 peer;

    /** One of our locations, as our enterprise side hands it over, with fields only 2.3.0 has. */
    static String ours(String id, String lastUpdated) {
        return """
                {"country_code":"NL","party_id":"ADC","id":"%s","publish":true,"address":"Stationsplein 1","city":"Utrecht",
                 "country":"NLD","coordinates":{"latitude":"52.089444","longitude":"5.110278"},"time_zone":"Europe/Amsterdam",
                 "help_phone":"+31301234567",
                 "parking_places":[{"id":"P1","vehicle_types":["PERSONAL_VEHICLE"],"restricted_to_type":false,"reservation_required":false}],
                 "evses":[{"uid":"%s-E1","status":"AVAILABLE","parking":[{"parking_id":"P1","evse_position":"LEFT"}],
                 "accepted_service_providers":["Roaming eMSP"],"connectors":[{"id":"1","standard":"IEC_62196_T2","format":"SOCKET",
                 "power_type":"AC_3_PHASE","max_voltage":230,"max_amperage":32,"capabilities":["ISO_15118_20_PLUG_AND_CHARGE"],
                 "last_updated":"%s"}],"last_updated":"%s"}],"last_updated":"%s"}""".formatted(id, id, lastUpdated, lastUpdated, lastUpdated);
    }

    @BeforeAll
    static void start() {
        peer = Peer230.start("locations230", Map.of("ocpi.push.poll-interval", "100ms"));
        peer.answer("/2.3.0/receiver/locations/NL/ADC/L1", "null");
        peer.answer("/2.3.0/receiver/locations/NL/ADC/L2", "null");
        peer.answer("/2.3.0/receiver/locations/NL/ADC/L3", "null");
        peer.publish("locations", ours("L1", "2024-01-01T00:00:00Z"));
        peer.publish("locations", ours("L2", "2024-02-01T00:00:00Z"));
        peer.publish("locations", ours("L3", "2024-03-01T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    // --- Sender interface ------------------------------------------------------------------------------------------

    @Test
    void theSenderListsOurLocationsPageByPageWithTheHeadersOfTransportAndFormat() {
        Reply first = peer.call("GET", cpo("locations") + "?limit=2", null, Peer230.PEER_EMSP, Peer230.OUR_CPO).assertStatus(200);
        assertThat(first.ocpiStatus()).isEqualTo(1000);
        assertThat(first.data()).extracting(l -> l.get("id").asText()).containsExactly("L1", "L2");
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("X-Limit")).isNotNull();
        assertThat(first.header("Link")).isEqualTo("<" + peer.adapter.baseUrl() + cpo("locations") + "?offset=2&limit=2>; rel=\"next\"");
        Reply next = peer.call("GET", cpo("locations") + "?offset=2&limit=2", null).assertStatus(200);
        assertThat(next.data()).extracting(l -> l.get("id").asText()).containsExactly("L3");
        assertThat(next.header("Link")).isNull();

        // date_from inclusive, date_to exclusive.
        Reply window = peer.call("GET", cpo("locations") + "?date_from=2024-02-01T00:00:00Z&date_to=2024-03-01T00:00:00Z", null).assertStatus(200);
        assertThat(window.data()).extracting(l -> l.get("id").asText()).containsExactly("L2");
        assertThat(window.header("X-Total-Count")).isEqualTo("1");

        Reply badLimit = peer.call("GET", cpo("locations") + "?limit=many", null);
        assertThat(badLimit.ocpiStatus()).isEqualTo(2001);
        assertThat(badLimit.json().get("status_message").asText()).contains("limit");
        Reply badDate = peer.call("GET", cpo("locations") + "?date_from=yesterday", null);
        assertThat(badDate.ocpiStatus()).isEqualTo(2001);
        assertThat(badDate.json().get("status_message").asText()).contains("date_from");
    }

    @Test
    void theSenderServesOneLocationEvseOrConnectorWithTheFieldsOnly230Has() {
        JsonNode location = peer.call("GET", cpo("locations/L1"), null).assertStatus(200).data();
        assertThat(location).isEqualTo(json(ours("L1", "2024-01-01T00:00:00Z")));
        JsonNode evse = peer.call("GET", cpo("locations/L1/L1-E1"), null).assertStatus(200).data();
        assertThat(evse).isEqualTo(location.get("evses").get(0));
        JsonNode connector = peer.call("GET", cpo("locations/L1/L1-E1/1"), null).assertStatus(200).data();
        assertThat(connector.get("capabilities").get(0).asText()).isEqualTo("ISO_15118_20_PLUG_AND_CHARGE");
    }

    @Test
    void theSenderAnswersAnUnknownLocationEvseOrConnectorWithNotFound() {
        for (String path : new String[] {"locations/NOPE", "locations/L1/NOPE", "locations/L1/L1-E1/9"}) {
            Reply unknown = peer.call("GET", cpo(path), null);
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.ocpiStatus()).as(path).isEqualTo(2000);
        }
    }

    // --- Our pushes to the peer's Receiver, our pull of its Sender ------------------------------------------------

    @Test
    void ourLocationIsPutToThePeersReceiverIn230ShapeWithRoutingHeaders() {
        Received put = peer.awaitReceived("PUT", "/2.3.0/receiver/locations/NL/ADC/L2");
        assertThat(json(put.body())).isEqualTo(json(ours("L2", "2024-02-01T00:00:00Z")));
        assertThat(put.header("Authorization")).isEqualTo("Token " + io.ocpi.adapter.support.AdapterInstance.base64(peer.tokenB));
        assertThat(put.header("OCPI-from-country-code")).isEqualTo("NL");
        assertThat(put.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(put.header("OCPI-to-country-code")).isNotNull();
        assertThat(put.header("OCPI-to-party-id")).isNotNull();
        assertThat(put.header("X-Request-ID")).isNotNull();
        assertThat(put.header("X-Correlation-ID")).isNotNull();
    }

    @Test
    void aChangeOfAnEvseIsPatchedToThePeer() {
        peer.answer("/2.3.0/receiver/locations/NL/ADC/L3/L3-E1", "null");
        peer.input("ocpi.locations.update", "{\"status\":\"CHARGING\",\"last_updated\":\"2024-04-01T00:00:00Z\"}",
                Map.of("OcpiObjectId", "L3", "OcpiEvseUid", "L3-E1"));
        Received patch = peer.awaitReceived("PATCH", "/2.3.0/receiver/locations/NL/ADC/L3/L3-E1");
        assertThat(json(patch.body()).get("status").asText()).isEqualTo("CHARGING");
        assertThat(json(patch.body()).get("last_updated").asText()).isEqualTo("2024-04-01T00:00:00Z");
    }

    @Test
    void wePullThePeersLocationsFollowingItsLinkHeader() {
        ObjectNode first = example("location_example_uc2_destination_charger.json").put("country_code", "NL").put("party_id", "PCP")
                .put("id", "PULL1");
        ObjectNode second = example("location_example_uc5_home_charge_point.json").put("country_code", "NL").put("party_id", "PCP")
                .put("id", "PULL2");
        String sender = "/2.3.0/locations";
        peer.server.on(sender, request -> "1".equals(request.param("offset"))
                ? new Answer(200, envelope("[" + second + "]"), Map.of("X-Total-Count", "2", "X-Limit", "1"))
                : new Answer(200, envelope("[" + first + "]"), Map.of("X-Total-Count", "2", "X-Limit", "1",
                        "Link", "<" + peer.server.url(sender) + "?offset=1&limit=1>; rel=\"next\"")));
        Reply pulled = peer.adapter.admin("POST", "/peers/" + peerId() + "/pull-locations", null).assertStatus(200);
        assertThat(pulled.json().get("read").asLong()).isEqualTo(2);
        assertThat(peer.server.received(sender)).hasSize(2);
        assertThat(peer.server.received(sender).get(1).param("offset")).isEqualTo("1");

        JsonNode stored = peer.call("GET", emsp("locations/NL/PCP/PULL2"), null).assertStatus(200).data();
        assertThat(stored).isEqualTo(second);
        peer.call("GET", emsp("locations/NL/PCP/PULL1"), null).assertStatus(200);
    }

    static String envelope(String data) {
        return "{\"data\":" + data + ",\"status_code\":1000,\"timestamp\":\"2024-01-01T00:00:00Z\"}";
    }

    static long peerId() {
        for (JsonNode registered : peer.adapter.admin("GET", "/peers", null).json()) {
            if (registered.get("name").asText().equals("locations230")) {
                return registered.get("id").asLong();
            }
        }
        throw new AssertionError("peer not registered");
    }

    // --- Receiver interface ----------------------------------------------------------------------------------------

    @Test
    void theReceiverKeepsTheFieldsOnly230HasOpenEnumValuesItDoesNotKnowAndReadsPastUnknownFields() {
        ObjectNode location = example("location_example.json").put("id", "OPEN").put("help_phone", "+3293001122");
        location.put("parking_type", "ROOFTOP");
        location.putArray("facilities").add("CAFE").add("SPACEPORT");
        location.put("vendor_extension", "ignored");
        ObjectNode evse = (ObjectNode) location.get("evses").get(0);
        evse.putArray("capabilities").add("RESERVABLE").add("TELEPATHY");
        evse.putArray("accepted_service_providers").add("Roaming eMSP");
        evse.putObject("x_unknown_object").put("a", 1);
        ObjectNode connector = (ObjectNode) evse.get("connectors").get(0);
        connector.put("standard", "ACME_PLUG");
        connector.putArray("capabilities").add("ISO_15118_2_PLUG_AND_CHARGE").add("WIRELESS_HANDSHAKE");
        String path = emsp("locations/BE/BEC/OPEN");
        Reply put = peer.call("PUT", path, location, new String[] {"BE", "BEC"}, Peer230.OUR_EMSP);
        assertThat(put.status()).as(put.body()).isEqualTo(201);

        JsonNode read = peer.call("GET", path, null).assertStatus(200).data();
        assertThat(read.has("vendor_extension")).as("unknown fields are read past, not kept").isFalse();
        assertThat(read.at("/evses/0").has("x_unknown_object")).isFalse();
        assertThat(read.get("help_phone").asText()).isEqualTo("+3293001122");
        assertThat(read.get("parking_type").asText()).isEqualTo("ROOFTOP");
        assertThat(read.get("facilities").toString()).isEqualTo("[\"CAFE\",\"SPACEPORT\"]");
        assertThat(read.get("parking_places")).isEqualTo(location.get("parking_places"));
        assertThat(read.at("/evses/0/capabilities").toString()).isEqualTo("[\"RESERVABLE\",\"TELEPATHY\"]");
        assertThat(read.at("/evses/0/accepted_service_providers/0").asText()).isEqualTo("Roaming eMSP");
        assertThat(read.at("/evses/0/parking/0/parking_id").asText()).isEqualTo("1");
        assertThat(read.at("/evses/0/connectors/0/standard").asText()).isEqualTo("ACME_PLUG");
        assertThat(read.at("/evses/0/connectors/0/capabilities").toString())
                .isEqualTo("[\"ISO_15118_2_PLUG_AND_CHARGE\",\"WIRELESS_HANDSHAKE\"]");
        assertThat(peer.call("GET", path + "/3256/1", null).data().get("standard").asText()).isEqualTo("ACME_PLUG");
    }

    @Test
    void theReceiverTakesEvsesAndConnectorsByPutAndPatch() {
        String path = emsp("locations/NL/ALF/TREE");
        peer.call("PUT", path, example("location_example_uc2_destination_charger.json").put("id", "TREE")).assertStatus(201);
        ObjectNode evse = (ObjectNode) example("location_example.json").get("evses").get(1);
        evse.put("uid", "NEW-EVSE").put("last_updated", "2030-01-01T00:00:00Z");
        peer.call("PUT", path + "/NEW-EVSE", evse).assertStatus(201);
        ObjectNode connector = ((ObjectNode) evse.get("connectors").get(0)).deepCopy().put("id", "2").put("last_updated", "2030-01-02T00:00:00Z");
        peer.call("PUT", path + "/NEW-EVSE/2", connector).assertStatus(201);
        Reply patched = peer.call("PATCH", path + "/NEW-EVSE/2", "{\"max_amperage\":10,\"last_updated\":\"2030-01-03T00:00:00Z\"}");
        patched.assertStatus(200);
        assertThat(peer.call("GET", path + "/NEW-EVSE/2", null).data().get("max_amperage").asInt()).isEqualTo(10);
        JsonNode location = peer.call("GET", path, null).data();
        assertThat(location.get("last_updated").asText()).as("a change below a location updates its last_updated")
                .isEqualTo("2030-01-03T00:00:00Z");
        assertThat(location.at("/evses").toString()).contains("NEW-EVSE");
    }

    @Test
    void theReceiverRefusesWhatItCannotStoreNamingTheFieldAsThePeerWroteIt() {
        String path = emsp("locations/BE/BEC/BAD");
        ObjectNode noAddress = example("location_example.json").put("id", "BAD");
        noAddress.remove("address");
        Reply missing = peer.call("PUT", path, noAddress);
        assertThat(missing.ocpiStatus()).isEqualTo(2001);
        assertThat(missing.json().get("status_message").asText()).isEqualTo("address: must not be null");

        ObjectNode wrongType = example("location_example.json").put("id", "BAD");
        ((ObjectNode) wrongType.get("coordinates")).put("latitude", 51.04);
        Reply wrong = peer.call("PUT", path, wrongType);
        assertThat(wrong.ocpiStatus()).isEqualTo(2001);
        assertThat(wrong.json().get("status_message").asText()).startsWith("coordinates.latitude");

        ObjectNode noConnectorStandard = example("location_example.json").put("id", "BAD");
        ((ObjectNode) noConnectorStandard.at("/evses/1/connectors/0")).remove("standard");
        Reply deep = peer.call("PUT", path, noConnectorStandard);
        assertThat(deep.ocpiStatus()).isEqualTo(2001);
        assertThat(deep.json().get("status_message").asText()).isEqualTo("evses[1].connectors[0].standard: must not be null");

        Reply otherId = peer.call("PUT", path, example("location_example.json"));
        assertThat(otherId.ocpiStatus()).isEqualTo(2001);
        assertThat(otherId.json().get("status_message").asText()).contains("id");

        Reply noLastUpdated = peer.call("PATCH", path, "{\"name\":\"x\"}");
        assertThat(noLastUpdated.ocpiStatus()).isEqualTo(2001);
        assertThat(noLastUpdated.json().get("status_message").asText()).contains("last_updated");

        Reply notJson = peer.call("PUT", path, "{\"id\":");
        assertThat(notJson.status()).isEqualTo(400);

        assertThat(peer.call("GET", path, null).status()).as("nothing stored").isEqualTo(404);
        Reply unknown = peer.call("GET", path, null);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
        Reply evseOfNone = peer.call("PUT", path + "/3256", example("location_example.json").get("evses").get(0));
        assertThat(evseOfNone.status()).isEqualTo(404);
        Reply patchOfNone = peer.call("PATCH", path, "{\"name\":\"x\",\"last_updated\":\"2030-01-01T00:00:00Z\"}");
        assertThat(patchOfNone.status()).isEqualTo(404);
    }

    @Test
    void theReceiverRefusesObjectsOfOurOwnPartiesAndAnEmspMayNotPushLocations() {
        Reply ours = peer.call("PUT", emsp("locations/NL/ADC/L9"), json(ours("L9", "2024-01-01T00:00:00Z")));
        assertThat(ours.status()).isEqualTo(403);
    }
}
