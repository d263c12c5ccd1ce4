package io.ocpi.adapter.versions.v211;

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
 * Sessions (mod_sessions.md) with 2.1.1 parties: 2.1, the CPO interface (the paginated list, date_from required) the
 * adapter serves to the scripted eMSP; 2.2, the eMSP interface (GET, PUT, PATCH) it serves to the scripted CPO; its
 * pushes to the scripted eMSP and its pull from the scripted CPO. A 2.1.1 Session carries its whole Location, with the
 * EVSE and connector used, and names its token by auth_id.
 */
class Sessions211Test {

    static Scripted211 peers;

    /** The adapter CPO's location, canonical, and as 2.1.1 writes it (mod_locations.md 3.1). */
    static final String OUR_LOCATION = """
            {"country_code": "NL", "party_id": "ADC", "id": "L1", "publish": true, "address": "Stationsplein 1", "city": "Utrecht",
             "postal_code": "3511 CE", "country": "NLD", "coordinates": {"latitude": "52.089444", "longitude": "5.110278"},
             "time_zone": "Europe/Amsterdam", "evses": [{"uid": "E1", "status": "AVAILABLE", "connectors": [{"id": "1",
             "standard": "IEC_62196_T2", "format": "SOCKET", "power_type": "AC_3_PHASE", "max_voltage": 230, "max_amperage": 32,
             "last_updated": "2024-01-01T00:00:00Z"}], "last_updated": "2024-01-01T00:00:00Z"}], "last_updated": "2024-01-01T00:00:00Z"}""";
    static final String OUR_LOCATION_211 = """
            {"id": "L1", "type": "UNKNOWN", "address": "Stationsplein 1", "city": "Utrecht", "postal_code": "3511 CE", "country": "NLD",
             "coordinates": {"latitude": "52.089444", "longitude": "5.110278"}, "time_zone": "Europe/Amsterdam",
             "evses": [{"uid": "E1", "status": "AVAILABLE", "connectors": [{"id": "1", "standard": "IEC_62196_T2", "format": "SOCKET",
             "power_type": "AC_3_PHASE", "voltage": 230, "amperage": 32, "last_updated": "2024-01-01T00:00:00Z"}],
             "last_updated": "2024-01-01T00:00:00Z"}], "last_updated": "2024-01-01T00:00:00Z"}""";

    /** A session of the adapter's CPO for a token of the scripted eMSP, canonical. */
    static final String OUR_SESSION = """
            {"country_code": "NL", "party_id": "ADC", "id": "%s", "start_date_time": "2024-01-01T10:00:00Z", "kwh": 1.5,
             "cdr_token": {"country_code": "DE", "party_id": "EMP", "uid": "CARD1", "type": "RFID", "contract_id": "DE-EMP-C1"},
             "auth_method": "COMMAND", "authorization_reference": "REF1", "location_id": "L1", "evse_uid": "E1", "connector_id": "1",
             "currency": "EUR", "total_cost": {"excl_vat": 0.5, "incl_vat": 0.6}, "status": "ACTIVE", "last_updated": "%s"}""";

    @BeforeAll
    static void start() {
        peers = Scripted211.start("v211-sessions", Map.of());
        peers.emsp.server.on("/2.1.1/locations/NL/ADC/L1", Answer.ocpi("null"));
        for (String id : new String[] {"S1", "S2", "S3"}) {
            peers.emsp.server.on("/2.1.1/sessions/NL/ADC/" + id, Answer.ocpi("null"));
        }
        peers.publish("locations", OUR_LOCATION);
        peers.publish("sessions", OUR_SESSION.formatted("S1", "2024-01-01T10:00:00Z"));
        peers.publish("sessions", OUR_SESSION.formatted("S2", "2024-02-01T10:00:00Z"));
        peers.publish("sessions", OUR_SESSION.formatted("S3", "2024-03-01T10:00:00Z"));
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    /**
     * The session as mod_sessions.md 3.1 writes it (docs/translation-2.1.1.md): start_datetime, auth_id (the token's
     * contract id), COMMAND as AUTH_REQUEST, the whole location, total_cost a number excluding VAT; no owner, no
     * authorization reference.
     */
    static JsonNode ours211(String id, String lastUpdated) {
        ObjectNode session = object("""
                {"id": "%s", "start_datetime": "2024-01-01T10:00:00Z", "kwh": 1.5, "auth_id": "DE-EMP-C1", "auth_method": "AUTH_REQUEST",
                 "currency": "EUR", "total_cost": 0.5, "status": "ACTIVE", "last_updated": "%s"}""".formatted(id, lastUpdated));
        session.set("location", json(OUR_LOCATION_211));
        return normal(session);
    }

    // --- 2.1 CPO interface --------------------------------------------------------------------------------------

    @Test
    void theListIsPaginatedFromDateFromIn211Shape() {
        Reply first = peers.emsp.call("GET", peers.emsp.ours("sessions") + "?date_from=2023-01-01T00:00:00Z&limit=2", null).assertStatus(200);
        assertThat(first.ocpiStatus()).isEqualTo(1000);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("X-Limit")).isNotNull();
        assertThat(normal(first.data())).isEqualTo(normal(AdapterInstance.JSON.createArrayNode()
                .add(ours211("S1", "2024-01-01T10:00:00Z")).add(ours211("S2", "2024-02-01T10:00:00Z"))));
        String link = first.header("Link");
        assertThat(link).contains("/ocpi/cpo/2.1.1/sessions?").contains("offset=2").contains("date_from=");
        Reply second = peers.emsp.call("GET", link.substring(peers.adapter.baseUrl().length() + 1, link.indexOf('>')), null).assertStatus(200);
        assertThat(normal(second.data().get(0))).isEqualTo(ours211("S3", "2024-03-01T10:00:00Z"));

        Reply between = peers.emsp.call("GET", peers.emsp.ours("sessions")
                + "?date_from=2024-01-15T00:00:00Z&date_to=2024-02-15T00:00:00Z", null).assertStatus(200);
        assertThat(between.data()).hasSize(1);
        assertThat(between.data().get(0).get("id").asText()).isEqualTo("S2");
    }

    @Test
    void ourSessionsArePushedToTheEmspIn211Shape() {
        FakePeer.Received put = peers.emsp.awaitReceived("/2.1.1/sessions/NL/ADC/S1", 1);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(normal(json(put.body()))).isEqualTo(ours211("S1", "2024-01-01T10:00:00Z"));
    }

    @Test
    void chargingPreferencesAre221AndNotAt211Paths() {
        Reply preferences = peers.emsp.call("PUT", peers.emsp.ours("sessions") + "/S1/charging_preferences",
                "{\"profile_type\": \"FAST\"}");
        assertThat(preferences.status()).isIn(404, 405);
        assertThat(preferences.ocpiStatus()).isEqualTo(2000);
    }

    // --- 2.2 eMSP interface -------------------------------------------------------------------------------------

    /** The scripted CPO's location, as mod_locations.md 3.1 writes it; it PUTs it first, as a session carries it. */
    static final String THEIR_LOCATION = """
            {"id": "BL1", "type": "PARKING_LOT", "address": "Korenmarkt 1", "city": "Gent", "postal_code": "9000", "country": "BEL",
             "coordinates": {"latitude": "51.05434", "longitude": "3.72173"}, "time_zone": "Europe/Brussels",
             "evses": [{"uid": "BE1", "evse_id": "BE-BEC-E1", "status": "CHARGING", "connectors": [{"id": "1", "standard": "IEC_62196_T2", "format": "SOCKET",
             "power_type": "AC_3_PHASE", "voltage": 230, "amperage": 16, "last_updated": "2015-06-29T20:00:00Z"}],
             "last_updated": "2015-06-29T20:00:00Z"}], "last_updated": "2015-06-29T20:00:00Z"}""";

    static ObjectNode theirSession(String id) {
        ObjectNode session = object("""
                {"id": "%s", "start_datetime": "2015-06-29T22:39:09Z", "kwh": 0.00, "auth_id": "NL-ADE-C7", "auth_method": "WHITELIST",
                 "currency": "EUR", "charging_periods": [{"start_date_time": "2015-06-29T22:39:09Z",
                 "dimensions": [{"type": "ENERGY", "volume": 0}]}], "total_cost": 0.00, "status": "ACTIVE",
                 "last_updated": "2015-06-29T22:39:09Z"}""".formatted(id));
        session.set("location", json(THEIR_LOCATION));
        return session;
    }

    String theirs(String id) {
        return peers.cpo.ours("sessions") + "/BE/BEC/" + id;
    }

    @Test
    void theCpoPutsPatchesAndReadsBackASession() {
        assertThat(peers.cpo.call("PUT", peers.cpo.ours("locations") + "/BE/BEC/BL1", THEIR_LOCATION).ocpiStatus()).isEqualTo(1000);
        ObjectNode session = theirSession("BS1");
        assertThat(peers.cpo.call("PUT", theirs("BS1"), session.toString()).assertStatus(201).ocpiStatus()).isEqualTo(1000);
        assertThat(normal(peers.cpo.call("GET", theirs("BS1"), null).assertStatus(200).data())).isEqualTo(normal(session));

        ObjectNode patch = object("{\"kwh\": 3.5, \"total_cost\": 0.75, \"last_updated\": \"2015-06-29T23:00:00Z\"}");
        assertThat(peers.cpo.call("PATCH", theirs("BS1"), patch.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        session.setAll(patch);
        assertThat(normal(peers.cpo.call("GET", theirs("BS1"), null).assertStatus(200).data())).isEqualTo(normal(session));
    }

    @Test
    void aSessionLackingARequiredFieldIsRefusedNamingTheFieldAsWritten() {
        ObjectNode noStart = theirSession("BAD1");
        noStart.remove("start_datetime");
        Reply refused = peers.cpo.call("PUT", theirs("BAD1"), noStart.toString());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.ocpiStatus()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText()).startsWith("start_datetime: ");

        ObjectNode noEvse = theirSession("BAD2");
        ((ObjectNode) noEvse.get("location")).remove("evses");
        Reply evse = peers.cpo.call("PUT", theirs("BAD2"), noEvse.toString());
        assertThat(evse.ocpiStatus()).isEqualTo(2001);
        assertThat(evse.json().get("status_message").asText()).startsWith("location.evses[0]: ");
        for (String id : new String[] {"BAD1", "BAD2"}) {
            assertThat(peers.cpo.call("GET", theirs(id), null).status()).isEqualTo(404);
        }
    }

    @Test
    void unknownSessionsAreNotFoundAndOtherPartiesRefused() {
        Reply unknown = peers.cpo.call("GET", theirs("NEVER"), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
        Reply other = peers.cpo.call("PUT", peers.cpo.ours("sessions") + "/NL/OTH/X1", theirSession("X1").toString());
        assertThat(other.ocpiStatus()).isNotEqualTo(1000);
        assertThat(other.status()).isIn(403, 404);
        assertThat(peers.cpo.call("GET", theirs("BS1"), null, "wrong").status()).isEqualTo(401);
    }

    @Test
    void theAdapterPullsTheCpoSessionsFollowingItsLinks() {
        peers.cpo.call("PUT", peers.cpo.ours("locations") + "/BE/BEC/BL1", THEIR_LOCATION);
        ArrayNode page1 = AdapterInstance.JSON.createArrayNode().add(theirSession("PULL1"));
        ArrayNode page2 = AdapterInstance.JSON.createArrayNode().add(theirSession("PULL2"));
        peers.cpo.server.on("/2.1.1/sessions", request -> "1".equals(request.param("offset"))
                ? Scripted211.page(page2, 2, 1, null)
                : Scripted211.page(page1, 2, 1, peers.cpo.server.url("/2.1.1/sessions?offset=1&limit=1")));
        Reply pulled = peers.adapter.admin("POST", "/peers/" + peers.cpo.id + "/pull-sessions", null).assertStatus(200);
        assertThat(pulled.json().get("stored").asLong()).isEqualTo(2);
        assertThat(peers.cpo.received("/2.1.1/sessions")).hasSize(2);
        // mod_sessions.md 2.1.1: date_from is required of the list.
        assertThat(peers.cpo.received("/2.1.1/sessions").get(0).param("date_from")).isNotNull();
        assertThat(normal(peers.cpo.call("GET", theirs("PULL2"), null).assertStatus(200).data())).isEqualTo(normal(theirSession("PULL2")));
    }
}
