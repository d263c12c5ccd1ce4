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
 * CDRs (mod_cdrs.md) with 2.1.1 parties: 2.1, the CPO interface (the paginated list) the adapter serves to the
 * scripted eMSP; 2.2, the eMSP interface (POST answered with a Location header, GET at that URL) it serves to the
 * scripted CPO; its POSTs to the scripted eMSP and its pull from the scripted CPO.
 */
class Cdrs211Test {

    static Scripted211 peers;

    /** A CDR of the adapter's CPO for a token of the scripted eMSP, canonical, at the location of {@link Sessions211Test}. */
    static final String OUR_CDR = """
            {"country_code": "NL", "party_id": "ADC", "id": "%s", "start_date_time": "2024-01-01T10:00:00Z", "end_date_time": "2024-01-01T11:00:00Z",
             "session_id": "S1", "cdr_token": {"country_code": "DE", "party_id": "EMP", "uid": "CARD1", "type": "RFID", "contract_id": "DE-EMP-C1"},
             "auth_method": "WHITELIST", "cdr_location": {"id": "L1", "address": "Stationsplein 1", "city": "Utrecht", "postal_code": "3511 CE",
             "country": "NLD", "coordinates": {"latitude": "52.089444", "longitude": "5.110278"}, "evse_uid": "E1", "evse_id": "NL*ADC*E1",
             "connector_id": "1", "connector_standard": "IEC_62196_T2", "connector_format": "SOCKET", "connector_power_type": "AC_3_PHASE"},
             "currency": "EUR", "charging_periods": [{"start_date_time": "2024-01-01T10:00:00Z", "dimensions": [{"type": "ENERGY", "volume": 10}]}],
             "total_cost": {"excl_vat": 2.5, "incl_vat": 3.0}, "total_energy": 10, "total_time": 1, "last_updated": "%s"}""";

    @BeforeAll
    static void start() {
        peers = Scripted211.start("v211-cdrs", Map.of());
        peers.emsp.server.on("/2.1.1/locations/NL/ADC/L1", Answer.ocpi("null"));
        peers.emsp.server.on("/2.1.1/cdrs", request -> new Answer(201, "{\"status_code\": 1000, \"timestamp\": \"2024-01-01T00:00:00Z\"}",
                Map.of("Location", peers.emsp.server.url("/2.1.1/cdrs/received"))));
        peers.publish("locations", Sessions211Test.OUR_LOCATION.replace("\"uid\": \"E1\"", "\"uid\": \"E1\", \"evse_id\": \"NL*ADC*E1\""));
        peers.publish("cdrs", OUR_CDR.formatted("C1", "2024-01-01T11:05:00Z"));
        peers.publish("cdrs", OUR_CDR.formatted("C2", "2024-02-01T11:05:00Z"));
        peers.publish("cdrs", OUR_CDR.formatted("C3", "2024-03-01T11:05:00Z"));
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    /**
     * The CDR as mod_cdrs.md 3.1 writes it (docs/translation-2.1.1.md): stop_date_time, auth_id, the whole location with
     * the EVSE and connector used, total_cost a number excluding VAT; no owner, no session_id.
     */
    static JsonNode ours211(String id, String lastUpdated) {
        ObjectNode cdr = object("""
                {"id": "%s", "start_date_time": "2024-01-01T10:00:00Z", "stop_date_time": "2024-01-01T11:00:00Z", "auth_id": "DE-EMP-C1",
                 "auth_method": "WHITELIST", "currency": "EUR", "charging_periods": [{"start_date_time": "2024-01-01T10:00:00Z",
                 "dimensions": [{"type": "ENERGY", "volume": 10}]}], "total_cost": 2.5, "total_energy": 10, "total_time": 1,
                 "last_updated": "%s"}""".formatted(id, lastUpdated));
        ObjectNode location = object(Sessions211Test.OUR_LOCATION_211.replace("\"uid\": \"E1\"", "\"uid\": \"E1\", \"evse_id\": \"NL*ADC*E1\""));
        cdr.set("location", location);
        return normal(cdr);
    }

    // --- 2.1 CPO interface --------------------------------------------------------------------------------------

    @Test
    void theListIsPaginatedIn211Shape() {
        Reply first = peers.emsp.call("GET", peers.emsp.ours("cdrs") + "?limit=2", null).assertStatus(200);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("X-Limit")).isNotNull();
        assertThat(normal(first.data())).isEqualTo(normal(AdapterInstance.JSON.createArrayNode()
                .add(ours211("C1", "2024-01-01T11:05:00Z")).add(ours211("C2", "2024-02-01T11:05:00Z"))));
        String link = first.header("Link");
        assertThat(link).contains("/ocpi/cpo/2.1.1/cdrs?").contains("offset=2");
        Reply second = peers.emsp.call("GET", link.substring(peers.adapter.baseUrl().length() + 1, link.indexOf('>')), null).assertStatus(200);
        assertThat(normal(second.data().get(0))).isEqualTo(ours211("C3", "2024-03-01T11:05:00Z"));
        Reply from = peers.emsp.call("GET", peers.emsp.ours("cdrs") + "?date_from=2024-02-15T00:00:00Z", null).assertStatus(200);
        assertThat(from.data()).hasSize(1);
    }

    @Test
    void ourCdrsArePostedToTheEmspIn211Shape() {
        FakePeer.Received posted = peers.emsp.awaitReceived("/2.1.1/cdrs", 3);
        assertThat(posted.method()).isEqualTo("POST");
        for (FakePeer.Received cdr : peers.emsp.received("/2.1.1/cdrs")) {
            JsonNode body = json(cdr.body());
            assertThat(normal(body)).isEqualTo(ours211(body.get("id").asText(), body.get("last_updated").asText()));
        }
    }

    // --- 2.2 eMSP interface -------------------------------------------------------------------------------------

    static ObjectNode theirCdr(String id) {
        ObjectNode cdr = object("""
                {"id": "%s", "start_date_time": "2015-06-29T21:39:09Z", "stop_date_time": "2015-06-29T23:37:32Z", "auth_id": "NL-ADE-C7",
                 "auth_method": "WHITELIST", "currency": "EUR", "tariffs": [{"id": "12", "currency": "EUR", "elements": [{"price_components":
                 [{"type": "TIME", "price": 2.00, "step_size": 300}]}], "last_updated": "2015-02-02T14:15:01Z"}],
                 "charging_periods": [{"start_date_time": "2015-06-29T21:39:09Z", "dimensions": [{"type": "TIME", "volume": 1.973}]}],
                 "total_cost": 4.00, "total_energy": 15.342, "total_time": 1.973, "remark": "scripted", "last_updated": "2015-06-29T22:01:13Z"}"""
                .formatted(id));
        cdr.set("location", json(Sessions211Test.THEIR_LOCATION));
        return cdr;
    }

    @Test
    void theCpoPostsACdrAndReadsItBackWhereTheLocationHeaderSays() {
        peers.cpo.call("PUT", peers.cpo.ours("locations") + "/BE/BEC/BL1", Sessions211Test.THEIR_LOCATION);
        ObjectNode cdr = theirCdr("BC1");
        Reply posted = peers.cpo.call("POST", peers.cpo.ours("cdrs"), cdr.toString());
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.ocpiStatus()).isEqualTo(1000);
        String url = posted.header("Location");
        assertThat(url).isEqualTo(peers.adapter.baseUrl() + "/ocpi/emsp/2.1.1/cdrs/BE/BEC/BC1");
        assertThat(normal(peers.cpo.call("GET", url.substring(peers.adapter.baseUrl().length()), null).assertStatus(200).data()))
                .isEqualTo(normal(cdr));
        // The same CDR again is not a new one.
        Reply again = peers.cpo.call("POST", peers.cpo.ours("cdrs"), cdr.toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Location")).isEqualTo(url);
    }

    @Test
    void aCdrLackingARequiredFieldIsRefusedNamingTheFieldAsWritten() {
        ObjectNode noStop = theirCdr("BAD1");
        noStop.remove("stop_date_time");
        Reply refused = peers.cpo.call("POST", peers.cpo.ours("cdrs"), noStop.toString());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.ocpiStatus()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText()).startsWith("stop_date_time: ");

        ObjectNode noConnector = theirCdr("BAD2");
        ((ObjectNode) noConnector.at("/location/evses/0")).remove("connectors");
        Reply connector = peers.cpo.call("POST", peers.cpo.ours("cdrs"), noConnector.toString());
        assertThat(connector.ocpiStatus()).isEqualTo(2001);
        assertThat(connector.json().get("status_message").asText()).startsWith("location.evses[0].connectors[0]: ");

        // evse_id is optional in a 2.1.1 EVSE (mod_locations.md 3.2), but the EVSE of a CDR is named by it.
        ObjectNode noEvseId = theirCdr("BAD3");
        ((ObjectNode) noEvseId.at("/location/evses/0")).remove("evse_id");
        Reply evseId = peers.cpo.call("POST", peers.cpo.ours("cdrs"), noEvseId.toString());
        assertThat(evseId.ocpiStatus()).isEqualTo(2001);
        assertThat(evseId.json().get("status_message").asText()).startsWith("location.evses[0].evse_id: ");
        for (String id : new String[] {"BAD1", "BAD2", "BAD3"}) {
            assertThat(peers.cpo.call("GET", peers.cpo.ours("cdrs") + "/BE/BEC/" + id, null).status()).isEqualTo(404);
        }
    }

    @Test
    void unknownCdrsAreNotFoundAndOtherPartiesAndWrongTokensRefused() {
        Reply unknown = peers.cpo.call("GET", peers.cpo.ours("cdrs") + "/BE/BEC/NEVER", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
        Reply other = peers.cpo.call("GET", peers.cpo.ours("cdrs") + "/NL/OTH/BC1", null);
        assertThat(other.ocpiStatus()).isNotEqualTo(1000);
        assertThat(other.status()).isIn(403, 404);
        assertThat(peers.cpo.call("POST", peers.cpo.ours("cdrs"), theirCdr("W1").toString(), "wrong").status()).isEqualTo(401);
    }

    @Test
    void theAdapterPullsTheCpoCdrsFollowingItsLinks() {
        peers.cpo.call("PUT", peers.cpo.ours("locations") + "/BE/BEC/BL1", Sessions211Test.THEIR_LOCATION);
        ArrayNode page1 = AdapterInstance.JSON.createArrayNode().add(theirCdr("PULL1"));
        ArrayNode page2 = AdapterInstance.JSON.createArrayNode().add(theirCdr("PULL2"));
        peers.cpo.server.on("/2.1.1/cdrs", request -> "1".equals(request.param("offset"))
                ? Scripted211.page(page2, 2, 1, null)
                : Scripted211.page(page1, 2, 1, peers.cpo.server.url("/2.1.1/cdrs?offset=1&limit=1")));
        Reply pulled = peers.adapter.admin("POST", "/peers/" + peers.cpo.id + "/pull-cdrs", null).assertStatus(200);
        assertThat(pulled.json().get("stored").asLong()).isEqualTo(2);
        assertThat(peers.cpo.received("/2.1.1/cdrs")).hasSize(2);
        assertThat(normal(peers.cpo.call("GET", peers.cpo.ours("cdrs") + "/BE/BEC/PULL2", null).assertStatus(200).data()))
                .isEqualTo(normal(theirCdr("PULL2")));
    }
}
