package io.ocpi.adapter.versions.v211;

import static io.ocpi.adapter.support.Spec211.locationAsKept;
import static io.ocpi.adapter.support.Spec211.locationExample;
import static io.ocpi.adapter.support.Spec211.normal;
import static io.ocpi.adapter.versions.v211.Scripted211.json;
import static io.ocpi.adapter.versions.v211.Scripted211.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Locations (mod_locations.md) with 2.1.1 parties: section 2.1, the CPO interface the adapter serves to the scripted
 * eMSP (list with pagination, GET of one Location, EVSE or Connector); section 2.2, the eMSP interface the adapter
 * serves to the scripted CPO (GET, PUT, PATCH at Location, EVSE and Connector level); and the same interfaces the
 * other way round: the adapter's pushes to the scripted eMSP and its pull from the scripted CPO.
 */
class Locations211Test {

    static Scripted211 peers;
    static final String OURS = "/2.1.1/locations/NL/ADC/";

    /** Two locations of the adapter's CPO, canonical as an enterprise route hands them in. */
    static final String OUR_LOCATION = """
            {"country_code": "NL", "party_id": "ADC", "id": "%s", "publish": true, "address": "Stationsplein 1", "city": "Utrecht",
             "postal_code": "3511 CE", "country": "NLD", "coordinates": {"latitude": "52.089444", "longitude": "5.110278"},
             "parking_type": "%s", "time_zone": "Europe/Amsterdam",
             "evses": [{"uid": "%s-E1", "status": "AVAILABLE", "connectors": [{"id": "1", "standard": "IEC_62196_T2", "format": "SOCKET",
             "power_type": "AC_3_PHASE", "max_voltage": 230, "max_amperage": 32, "tariff_ids": ["T1"], "last_updated": "%s"}],
             "last_updated": "%s"}], "last_updated": "%s"}""";

    /** The same location as mod_locations.md 3.1 writes it: no owner, {@code type}, {@code voltage}, {@code amperage}, one {@code tariff_id}. */
    static final String OUR_LOCATION_211 = """
            {"id": "%s", "type": "%s", "address": "Stationsplein 1", "city": "Utrecht", "postal_code": "3511 CE", "country": "NLD",
             "coordinates": {"latitude": "52.089444", "longitude": "5.110278"}, "time_zone": "Europe/Amsterdam",
             "evses": [{"uid": "%s-E1", "status": "AVAILABLE", "connectors": [{"id": "1", "standard": "IEC_62196_T2", "format": "SOCKET",
             "power_type": "AC_3_PHASE", "voltage": 230, "amperage": 32, "tariff_id": "T1", "last_updated": "%s"}],
             "last_updated": "%s"}], "last_updated": "%s"}""";

    @BeforeAll
    static void start() {
        peers = Scripted211.start("v211-locations", Map.of());
        for (String id : new String[] {"L1", "L2", "L3", "L4"}) {
            peers.emsp.server.on(OURS + id, Answer.ocpi("null"));
        }
        peers.emsp.server.on(OURS + "L4/L4-E1", Answer.ocpi("null"));
        peers.publish("locations", ours("L1", "ON_STREET", "2024-01-01T00:00:00Z"));
        peers.publish("locations", ours("L2", "PARKING_LOT", "2024-02-01T00:00:00Z"));
        peers.publish("locations", ours("L3", "UNDERGROUND_GARAGE", "2024-03-01T00:00:00Z"));
        peers.publish("locations", ours("L4", "ON_STREET", "2025-01-01T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    static String ours(String id, String parkingType, String lastUpdated) {
        return OUR_LOCATION.formatted(id, parkingType, id, lastUpdated, lastUpdated, lastUpdated);
    }

    static JsonNode ours211(String id, String type, String lastUpdated) {
        return normal(json(OUR_LOCATION_211.formatted(id, type, id, lastUpdated, lastUpdated, lastUpdated)));
    }

    // --- 2.1 CPO interface: the adapter as CPO, called by the scripted eMSP --------------------------------------

    @Test
    void theListIsPaginatedWithLinkTotalCountAndLimitAndFilteredByLastUpdated() {
        Reply first = peers.emsp.call("GET", peers.emsp.ours("locations") + "?offset=0&limit=2&date_to=2024-06-01T00:00:00Z", null).assertStatus(200);
        assertThat(first.ocpiStatus()).isEqualTo(1000);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("X-Limit")).isNotNull();
        assertThat(first.data()).hasSize(2);
        assertThat(normal(first.data().get(0))).isEqualTo(ours211("L1", "ON_STREET", "2024-01-01T00:00:00Z"));
        assertThat(normal(first.data().get(1))).isEqualTo(ours211("L2", "PARKING_LOT", "2024-02-01T00:00:00Z"));
        String link = first.header("Link");
        assertThat(link).startsWith("<" + peers.adapter.baseUrl() + "/ocpi/cpo/2.1.1/locations?").endsWith(">; rel=\"next\"")
                .contains("offset=2").contains("limit=2").contains("date_to=2024-06-01T00%3A00%3A00Z");
        Reply second = peers.emsp.call("GET", link.substring(peers.adapter.baseUrl().length() + 1, link.indexOf('>')), null).assertStatus(200);
        assertThat(second.data()).hasSize(1);
        assertThat(normal(second.data().get(0))).isEqualTo(ours211("L3", "UNDERGROUND_GARAGE", "2024-03-01T00:00:00Z"));
        assertThat(second.header("Link")).isNull();

        Reply between = peers.emsp.call("GET", peers.emsp.ours("locations")
                + "?date_from=2024-01-15T00:00:00Z&date_to=2024-02-15T00:00:00Z", null).assertStatus(200);
        assertThat(between.header("X-Total-Count")).isEqualTo("1");
        assertThat(between.data().get(0).get("id").asText()).isEqualTo("L2");
    }

    @Test
    void oneLocationEvseOrConnectorIsServedIn211Shape() {
        String location = peers.emsp.ours("locations") + "/L1";
        assertThat(normal(peers.emsp.call("GET", location, null).assertStatus(200).data()))
                .isEqualTo(ours211("L1", "ON_STREET", "2024-01-01T00:00:00Z"));
        assertThat(normal(peers.emsp.call("GET", location + "/L1-E1", null).assertStatus(200).data()))
                .isEqualTo(ours211("L1", "ON_STREET", "2024-01-01T00:00:00Z").at("/evses/0"));
        assertThat(normal(peers.emsp.call("GET", location + "/L1-E1/1", null).assertStatus(200).data()))
                .isEqualTo(ours211("L1", "ON_STREET", "2024-01-01T00:00:00Z").at("/evses/0/connectors/0"));
    }

    @Test
    void unknownLocationsEvsesAndConnectorsAreNotFound() {
        for (String path : new String[] {"/NOPE", "/L1/NOPE", "/L1/L1-E1/9"}) {
            Reply unknown = peers.emsp.call("GET", peers.emsp.ours("locations") + path, null);
            // status_codes.md: a resource that does not exist is HTTP 404; 2.1.1's generic client error.
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.ocpiStatus()).as(path).isEqualTo(2000);
        }
    }

    @Test
    void theOurLocationsArePushedToTheEmspIn211ShapeAndAnEvseChangeAsAPatch() {
        FakePeer.Received put = peers.emsp.awaitReceived(OURS + "L4", 1);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(normal(json(put.body()))).isEqualTo(ours211("L4", "ON_STREET", "2025-01-01T00:00:00Z"));

        peers.input("ocpi.locations.update", "{\"status\": \"CHARGING\", \"last_updated\": \"2025-01-01T01:00:00Z\"}",
                Map.of("OcpiObjectId", "L4", "OcpiEvseUid", "L4-E1"));
        FakePeer.Received patch = peers.emsp.awaitReceived(OURS + "L4/L4-E1", 1);
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(json(patch.body())).isEqualTo(json("{\"status\": \"CHARGING\", \"last_updated\": \"2025-01-01T01:00:00Z\"}"));
    }

    // --- 2.2 eMSP interface: the adapter as eMSP, called by the scripted CPO -------------------------------------

    String theirs(String path) {
        return peers.cpo.ours("locations") + "/BE/BEC/" + path;
    }

    @Test
    void theCpoPutsALocationAndReadsItBack() {
        ObjectNode sent = locationExample("PUT1");
        // status_codes.md: 201 when the object is newly created, 200 when an existing one is updated.
        Reply put = peers.cpo.call("PUT", theirs("PUT1"), sent.toString()).assertStatus(201);
        assertThat(put.ocpiStatus()).isEqualTo(1000);
        assertThat(peers.cpo.call("PUT", theirs("PUT1"), sent.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        JsonNode back = peers.cpo.call("GET", theirs("PUT1"), null).assertStatus(200).data();
        assertThat(normal(back)).isEqualTo(normal(locationAsKept(sent)));
        assertThat(back.has("country_code")).isFalse();
    }

    @Test
    void theCpoPutsAnEvseAndAConnectorAndReadsThemBack() {
        peers.cpo.call("PUT", theirs("EVS1"), locationExample("EVS1").toString()).assertStatus(201);
        ObjectNode evse = object("""
                {"uid": "3258", "evse_id": "BE-BEC-E041503003", "status": "AVAILABLE", "capabilities": ["RESERVABLE"],
                 "connectors": [{"id": "1", "standard": "IEC_62196_T2", "format": "SOCKET", "power_type": "AC_1_PHASE",
                 "voltage": 230, "amperage": 16, "tariff_id": "14", "last_updated": "2015-07-01T10:00:00Z"}],
                 "physical_reference": "3", "floor_level": "-1", "last_updated": "2015-07-01T10:00:00Z"}""");
        assertThat(peers.cpo.call("PUT", theirs("EVS1/3258"), evse.toString()).ocpiStatus()).isEqualTo(1000);
        assertThat(normal(peers.cpo.call("GET", theirs("EVS1/3258"), null).assertStatus(200).data())).isEqualTo(normal(evse));

        ObjectNode connector = object("""
                {"id": "3", "standard": "CHADEMO", "format": "CABLE", "power_type": "DC", "voltage": 500, "amperage": 125,
                 "last_updated": "2015-07-02T10:00:00Z"}""");
        assertThat(peers.cpo.call("PUT", theirs("EVS1/3258/3"), connector.toString()).ocpiStatus()).isEqualTo(1000);
        assertThat(normal(peers.cpo.call("GET", theirs("EVS1/3258/3"), null).assertStatus(200).data())).isEqualTo(normal(connector));
        // mod_locations.md 2.1.1: a connector updated, its EVSE's and Location's last_updated are updated.
        JsonNode location = peers.cpo.call("GET", theirs("EVS1"), null).assertStatus(200).data();
        assertThat(location.get("last_updated").asText()).isEqualTo("2015-07-02T10:00:00Z");
        assertThat(location.at("/evses/2/last_updated").asText()).isEqualTo("2015-07-02T10:00:00Z");
    }

    @Test
    void theCpoPatchesALocationAnEvseAndAConnectorWithLastUpdated() {
        peers.cpo.call("PUT", theirs("PAT1"), locationExample("PAT1").toString()).assertStatus(201);
        Reply name = peers.cpo.call("PATCH", theirs("PAT1"), "{\"name\": \"Interparking Gent Zuid\", \"last_updated\": \"2015-07-01T00:00:00Z\"}");
        assertThat(name.assertStatus(200).ocpiStatus()).isEqualTo(1000);
        peers.cpo.call("PATCH", theirs("PAT1/3256"), "{\"status\": \"CHARGING\", \"last_updated\": \"2015-07-02T00:00:00Z\"}").assertStatus(200);
        peers.cpo.call("PATCH", theirs("PAT1/3256/2"), "{\"tariff_id\": \"15\", \"last_updated\": \"2015-07-03T00:00:00Z\"}").assertStatus(200);

        JsonNode back = peers.cpo.call("GET", theirs("PAT1"), null).assertStatus(200).data();
        assertThat(back.get("name").asText()).isEqualTo("Interparking Gent Zuid");
        assertThat(back.at("/evses/0/status").asText()).isEqualTo("CHARGING");
        assertThat(back.at("/evses/0/connectors/1/tariff_id").asText()).isEqualTo("15");
        assertThat(back.at("/evses/0/connectors/0/tariff_id").asText()).isEqualTo("11");
        assertThat(back.get("last_updated").asText()).isEqualTo("2015-07-03T00:00:00Z");
    }

    @Test
    void aLocationLackingARequiredFieldIsRefusedNamingTheFieldAsWritten() {
        ObjectNode noType = locationExample("BAD1");
        noType.remove("address");
        Reply refused = peers.cpo.call("PUT", theirs("BAD1"), noType.toString());
        assertThat(refused.ocpiStatus()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText()).contains("address");

        ObjectNode noVoltage = locationExample("BAD2");
        ((ObjectNode) noVoltage.at("/evses/0/connectors/0")).remove("voltage");
        Reply voltage = peers.cpo.call("PUT", theirs("BAD2"), noVoltage.toString());
        assertThat(voltage.ocpiStatus()).isEqualTo(2001);
        // The peer wrote "voltage"; 2.2.1 calls it max_voltage.
        assertThat(voltage.json().get("status_message").asText()).contains("voltage").doesNotContain("max_voltage");

        ObjectNode wrongType = locationExample("BAD3").put("type", "ALONG_MOTORWAY");
        Reply type = peers.cpo.call("PUT", theirs("BAD3"), wrongType.toString());
        assertThat(type.ocpiStatus()).isEqualTo(2001);
        assertThat(type.json().get("status_message").asText()).startsWith("type: ");
        for (String id : new String[] {"BAD1", "BAD2", "BAD3"}) {
            assertThat(peers.cpo.call("GET", theirs(id), null).status()).isEqualTo(404);
        }
    }

    @Test
    void aLocationWhoseIdDiffersFromItsUrlIsRefused() {
        Reply refused = peers.cpo.call("PUT", theirs("URL1"), locationExample("BODY1").toString());
        assertThat(refused.ocpiStatus()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText()).startsWith("id: ");
    }

    @Test
    void aLocationOfAnotherPartyIsRefusedAndUnknownOnesAreNotFound() {
        Reply other = peers.cpo.call("PUT", peers.cpo.ours("locations") + "/NL/OTH/X1", locationExample("X1").toString());
        assertThat(other.ocpiStatus()).isNotEqualTo(1000);
        assertThat(other.status()).isIn(403, 404);
        Reply unknown = peers.cpo.call("GET", theirs("NEVER"), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
    }

    @Test
    void aWrongTokenIsUnauthorized() {
        Reply wrong = peers.cpo.call("GET", theirs("PUT1"), null, "not-a-token");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.ocpiStatus()).isEqualTo(2000);
        Reply none = AdapterInstance.send("GET", peers.adapter.baseUrl() + theirs("PUT1"), Map.of(), null);
        assertThat(none.status()).isEqualTo(401);
    }

    // --- The adapter as eMSP pulls the scripted CPO's list -------------------------------------------------------

    @Test
    void theAdapterPullsTheCpoListFollowingItsLinks() {
        ArrayNode page1 = AdapterInstance.JSON.createArrayNode().add(locationExample("PULL1")).add(locationExample("PULL2"));
        ArrayNode page2 = AdapterInstance.JSON.createArrayNode().add(locationExample("PULL3"));
        peers.cpo.server.on("/2.1.1/locations", request -> "2".equals(request.param("offset"))
                ? Scripted211.page(page2, 3, 2, null)
                : Scripted211.page(page1, 3, 2, peers.cpo.server.url("/2.1.1/locations?offset=2&limit=2")));
        Reply pulled = peers.adapter.admin("POST", "/peers/" + peers.cpo.id + "/pull-locations", null).assertStatus(200);
        assertThat(pulled.json().get("read").asLong()).isEqualTo(3);
        assertThat(pulled.json().get("stored").asLong()).isEqualTo(3);
        assertThat(peers.cpo.received("/2.1.1/locations")).hasSize(2).allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
        assertThat(peers.cpo.received("/2.1.1/locations").get(1).param("offset")).isEqualTo("2");
        for (String id : new String[] {"PULL1", "PULL2", "PULL3"}) {
            assertThat(normal(peers.cpo.call("GET", theirs(id), null).assertStatus(200).data())).isEqualTo(normal(locationAsKept(locationExample(id))));
        }
    }
}
