package io.ocpi.adapter.versions.v211;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The versions and version details (version_information_endpoint.md) and the credentials module (credentials.md) as
 * the two scripted 2.1.1 parties see them: endpoints without interface roles, only the modules 2.1.1 has and only
 * those of the role the adapter plays towards each; flat credentials; GET, POST, PUT and DELETE; and the paths of the
 * modules 2.1.1 lacks, which are not there.
 */
class VersionsAndCredentials211Test {

    static Scripted211 peers;

    @BeforeAll
    static void start() {
        peers = Scripted211.start("v211-versions", Map.of());
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    @Test
    void theVersionsListOffers211AtItsDetailsUrl() {
        Reply versions = peers.emsp.call("GET", "/ocpi/versions", null).assertStatus(200);
        assertThat(versions.ocpiStatus()).isEqualTo(1000);
        List<String> offered = new ArrayList<>();
        versions.data().forEach(version -> offered.add(version.get("version").asText() + " " + version.get("url").asText()));
        assertThat(offered).contains("2.1.1 " + peers.adapter.baseUrl() + "/ocpi/2.1.1");
    }

    /** version_information_endpoint.md 2.2: identifier and url, no role; the modules of the role towards the party. */
    private static Map<String, String> endpoints(Scripted211.Party party) {
        JsonNode details = party.call("GET", "/ocpi/2.1.1", null).assertStatus(200).data();
        assertThat(details.get("version").asText()).isEqualTo("2.1.1");
        Map<String, String> endpoints = new java.util.TreeMap<>();
        for (JsonNode endpoint : details.get("endpoints")) {
            assertThat(endpoint.fieldNames()).toIterable().containsExactlyInAnyOrder("identifier", "url");
            assertThat(endpoints.put(endpoint.get("identifier").asText(), endpoint.get("url").asText())).isNull();
        }
        return endpoints;
    }

    @Test
    void theEmspSeesTheCpoInterfacesOfThe211Modules() {
        String base = peers.adapter.baseUrl();
        assertThat(endpoints(peers.emsp)).isEqualTo(Map.of("credentials", base + "/ocpi/2.1.1/credentials",
                "locations", base + "/ocpi/cpo/2.1.1/locations", "sessions", base + "/ocpi/cpo/2.1.1/sessions",
                "cdrs", base + "/ocpi/cpo/2.1.1/cdrs", "tariffs", base + "/ocpi/cpo/2.1.1/tariffs",
                "tokens", base + "/ocpi/cpo/2.1.1/tokens", "commands", base + "/ocpi/cpo/2.1.1/commands"));
    }

    @Test
    void theCpoSeesTheEmspInterfacesOfThe211Modules() {
        String base = peers.adapter.baseUrl();
        assertThat(endpoints(peers.cpo)).isEqualTo(Map.of("credentials", base + "/ocpi/2.1.1/credentials",
                "locations", base + "/ocpi/emsp/2.1.1/locations", "sessions", base + "/ocpi/emsp/2.1.1/sessions",
                "cdrs", base + "/ocpi/emsp/2.1.1/cdrs", "tariffs", base + "/ocpi/emsp/2.1.1/tariffs",
                "tokens", base + "/ocpi/emsp/2.1.1/tokens", "commands", base + "/ocpi/emsp/2.1.1/commands"));
    }

    @Test
    void modulesThat211LacksAreNotAtIts211Paths() {
        for (String path : new String[] {"/ocpi/2.1.1/hubclientinfo", "/ocpi/2.1.1/hubclientinfo/BE/BEC",
            "/ocpi/cpo/2.1.1/chargingprofiles/S1", "/ocpi/emsp/2.1.1/payments/terminals"}) {
            Reply absent = peers.cpo.call("GET", path, null);
            assertThat(absent.status()).as(path).isEqualTo(404);
            assertThat(absent.ocpiStatus()).as(path).isEqualTo(2000);
            assertThat(absent.json().get("status_message").asText()).as(path).isEqualTo("no endpoint at " + path);
        }
        Reply setProfile = peers.emsp.call("PUT", "/ocpi/cpo/2.1.1/chargingprofiles/S1", "{\"response_url\": \"http://x\"}");
        assertThat(setProfile.status()).isEqualTo(404);
        Reply activeProfile = peers.cpo.call("PUT", "/ocpi/emsp/2.1.1/chargingprofiles/S1", "{\"start_date_time\": \"2024-01-01T00:00:00Z\"}");
        assertThat(activeProfile.status()).isEqualTo(404);
    }

    @Test
    void theCredentialsAreFlatAndNameOurPartyOfTheRoleTowardsEachParty() {
        JsonNode toEmsp = peers.emsp.call("GET", "/ocpi/2.1.1/credentials", null).assertStatus(200).data();
        assertThat(toEmsp.has("roles")).isFalse();
        assertThat(toEmsp.get("party_id").asText()).isEqualTo("ADC");
        assertThat(toEmsp.get("country_code").asText()).isEqualTo("NL");
        assertThat(toEmsp.get("token").asText()).isEqualTo(peers.emsp.tokenC);
        assertThat(toEmsp.get("url").asText()).isEqualTo(peers.adapter.versionsUrl());
        assertThat(toEmsp.at("/business_details/name").asText()).isEqualTo("v211-versions CPO");

        JsonNode toCpo = peers.cpo.call("GET", "/ocpi/2.1.1/credentials", null).assertStatus(200).data();
        assertThat(toCpo.get("party_id").asText()).isEqualTo("ADE");
        assertThat(toCpo.at("/business_details/name").asText()).isEqualTo("v211-versions eMSP");
    }

    @Test
    void aWrongOrMissingTokenIsUnauthorized() {
        for (String path : new String[] {"/ocpi/2.1.1", "/ocpi/2.1.1/credentials", "/ocpi/cpo/2.1.1/locations"}) {
            Reply wrong = peers.emsp.call("GET", path, null, "not-our-token");
            assertThat(wrong.status()).as(path).isEqualTo(401);
            assertThat(wrong.ocpiStatus()).as(path).isEqualTo(2000);
            assertThat(AdapterInstance.send("GET", peers.adapter.baseUrl() + path, Map.of(), null).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void aRegisteredPartyPostingAgainIsRefusedWith405() {
        Reply again = peers.cpo.call("POST", "/ocpi/2.1.1/credentials", peers.cpo.credentials());
        assertThat(again.status()).isEqualTo(405);
        assertThat(again.ocpiStatus()).isEqualTo(2000);
    }

    @Test
    void aPartyUpdatesItsCredentialsGetsANewTokenAndThenUnregisters() {
        // A third party, so that the others stay registered for the other tests.
        Scripted211.Party party = Scripted211.Party.register(peers.adapter, "EMSP", "FR", "UPD");
        try {
            String newB = "{\"token\": \"token-b-upd-2\", \"url\": \"" + party.server.url("/versions")
                    + "\", \"business_details\": {\"name\": \"Updated\"}, \"party_id\": \"UPD\", \"country_code\": \"FR\"}";
            Reply updated = party.call("PUT", "/ocpi/2.1.1/credentials", newB).assertStatus(200);
            assertThat(updated.ocpiStatus()).isEqualTo(1000);
            String newC = updated.data().get("token").asText();
            assertThat(newC).isNotEqualTo(party.tokenC);
            assertThat(updated.data().has("roles")).isFalse();
            assertThat(party.call("GET", "/ocpi/2.1.1/credentials", null).status()).isEqualTo(401);
            assertThat(party.call("GET", "/ocpi/2.1.1/credentials", null, newC).assertStatus(200).data().get("party_id").asText()).isEqualTo("ADC");
            // The adapter read the party's versions and details again, with its token as it is.
            List<FakePeer.Received> details = party.server.received("/2.1.1");
            assertThat(details).hasSizeGreaterThanOrEqualTo(2);
            assertThat(details.get(details.size() - 1).header("Authorization")).isEqualTo("Token token-b-upd-2");

            assertThat(party.call("DELETE", "/ocpi/2.1.1/credentials", null, newC).assertStatus(200).ocpiStatus()).isEqualTo(1000);
            Reply after = party.call("DELETE", "/ocpi/2.1.1/credentials", null, newC);
            assertThat(after.status()).isIn(401, 405);
            JsonNode view = null;
            for (JsonNode peer : peers.adapter.admin("GET", "/peers", null).json()) {
                if (peer.get("id").asLong() == party.id) {
                    view = peer;
                }
            }
            assertThat(view.get("status").asText()).isEqualTo("UNREGISTERED");
        } finally {
            party.server.close();
        }
    }

    @Test
    void theAdaptersCallsDuringRegistrationWere211Shaped() {
        for (Scripted211.Party party : List.of(peers.emsp, peers.cpo)) {
            assertThat(party.received("/versions")).isNotEmpty();
            assertThat(party.received("/2.1.1")).isNotEmpty();
        }
    }
}
