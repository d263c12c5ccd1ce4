package io.ocpi.adapter.versions.v230;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.Spec230;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * version_information_endpoint.asciidoc and credentials.asciidoc of 2.3.0: the versions list and 2.3.0 details the
 * adapter serves (every module it has in 2.3.0, payments included), and the credentials endpoint's GET, POST, PUT and
 * DELETE, with their 405s, a hub naming itself in {@code hub_party_id}, and wrong tokens.
 */
class Credentials230Test {

    static Peer230 peer;

    @BeforeAll
    static void start() {
        peer = Peer230.start("credentials230");
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    @Test
    void theVersionsListOffersTwoThreeZeroAndItsDetailsListEveryModuleAtTwoThreeZeroPaths() {
        Reply versions = peer.call("GET", "/ocpi/versions", null).assertStatus(200);
        assertThat(versions.ocpiStatus()).isEqualTo(1000);
        JsonNode v230 = null;
        for (JsonNode version : versions.data()) {
            if (version.get("version").asText().equals("2.3.0")) {
                v230 = version;
            }
        }
        assertThat(v230).as(versions.body()).isNotNull();
        assertThat(v230.get("url").asText()).isEqualTo(peer.adapter.baseUrl() + "/ocpi/2.3.0");

        Reply details = peer.call("GET", "/ocpi/2.3.0", null).assertStatus(200);
        assertThat(details.data().get("version").asText()).isEqualTo("2.3.0");
        List<String> endpoints = new ArrayList<>();
        for (JsonNode endpoint : details.data().get("endpoints")) {
            String url = endpoint.get("url").asText();
            assertThat(url).as(endpoint.toString()).startsWith(peer.adapter.baseUrl() + "/ocpi/").contains("/2.3.0/");
            endpoints.add(endpoint.get("identifier").asText() + " " + endpoint.get("role").asText()
                    + " " + url.substring(peer.adapter.baseUrl().length()));
        }
        assertThat(endpoints).contains(
                "credentials SENDER /ocpi/2.3.0/credentials",
                "locations SENDER /ocpi/cpo/2.3.0/locations", "locations RECEIVER /ocpi/emsp/2.3.0/locations",
                "sessions SENDER /ocpi/cpo/2.3.0/sessions", "sessions RECEIVER /ocpi/emsp/2.3.0/sessions",
                "cdrs SENDER /ocpi/cpo/2.3.0/cdrs", "cdrs RECEIVER /ocpi/emsp/2.3.0/cdrs",
                "tariffs SENDER /ocpi/cpo/2.3.0/tariffs", "tariffs RECEIVER /ocpi/emsp/2.3.0/tariffs",
                "tokens SENDER /ocpi/emsp/2.3.0/tokens", "tokens RECEIVER /ocpi/cpo/2.3.0/tokens",
                "commands RECEIVER /ocpi/cpo/2.3.0/commands", "commands SENDER /ocpi/emsp/2.3.0/commands",
                "chargingprofiles RECEIVER /ocpi/cpo/2.3.0/chargingprofiles", "chargingprofiles SENDER /ocpi/emsp/2.3.0/chargingprofiles",
                "hubclientinfo RECEIVER /ocpi/2.3.0/hubclientinfo",
                "payments RECEIVER /ocpi/cpo/2.3.0/payments");
        // Every role names a module of 2.3.0 (ModuleID) and an InterfaceRole.
        for (JsonNode endpoint : details.data().get("endpoints")) {
            assertThat(endpoint.get("role").asText()).isIn("SENDER", "RECEIVER");
        }
    }

    @Test
    void getAnswersOurCredentialsInTwoThreeZeroShape() {
        Reply ours = peer.call("GET", "/ocpi/2.3.0/credentials", null).assertStatus(200);
        JsonNode credentials = ours.data();
        assertThat(credentials.get("token").asText()).isEqualTo(peer.token);
        assertThat(credentials.get("url").asText()).isEqualTo(peer.adapter.versionsUrl());
        assertThat(credentials.has("hub_party_id")).as("this adapter is no hub").isFalse();
        assertThat(credentials.get("roles")).extracting(role -> role.get("role").asText() + " " + role.get("country_code").asText()
                + "*" + role.get("party_id").asText()).containsExactlyInAnyOrder("CPO NL*ADC", "EMSP NL*ADE");
        for (JsonNode role : credentials.get("roles")) {
            assertThat(role.at("/business_details/name").asText()).isNotEmpty();
        }
    }

    @Test
    void aSecondPostIsNotAllowedAndARegisteredPeerKeepsItsToken() {
        Reply again = peer.call("POST", "/ocpi/2.3.0/credentials", Peer230.credentials("other-b", peer.server.url("/versions"), null));
        assertThat(again.status()).isEqualTo(405);
        peer.call("GET", "/ocpi/2.3.0/credentials", null).assertStatus(200);
    }

    @Test
    void wrongTokensAreRefusedWithUnauthorized() {
        Reply unknown = peer.callWith("no-such-token", "GET", Peer230.cpo("locations"), null);
        assertThat(unknown.status()).isEqualTo(401);
        Reply none = peer.callWith(null, "GET", "/ocpi/2.3.0/credentials", null);
        assertThat(none.status()).isEqualTo(401);
        Reply tokenB = peer.callWith(peer.tokenB, "GET", "/ocpi/2.3.0/credentials", null);
        assertThat(tokenB.status()).as("token B is the adapter's to call the peer with").isEqualTo(401);
    }

    @Test
    void aPathOfAModuleTwoThreeZeroLacksIsNotFound() {
        Reply none = peer.call("GET", "/ocpi/cpo/2.3.0/bookings", null);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.ocpiStatus()).isEqualTo(2000);
    }

    @Test
    void aPeerUpdatesItsCredentialsThenUnregistersAndIsNotAllowedToDoEitherAgain() {
        try (FakePeer other = new FakePeer()) {
            Peer230.offer230(other);
            Reply registered = peer.adapter.ocpi("POST", "/ocpi/2.3.0/credentials", peer.adapter.invite("updating"),
                    Peer230.credentials("updating-b", other.url("/versions"), null).replace("\"NL\"", "\"FR\"")).assertStatus(200);
            String tokenC = registered.data().get("token").asText();
            int detailsRead = other.received("/2.3.0").size();

            Reply updated = peer.callWith(tokenC, "PUT", "/ocpi/2.3.0/credentials",
                    Peer230.credentials("updating-b2", other.url("/versions"), null).replace("\"NL\"", "\"FR\""));
            updated.assertStatus(200);
            assertThat(updated.ocpiStatus()).isEqualTo(1000);
            String newToken = updated.data().get("token").asText();
            assertThat(newToken).isNotEqualTo(tokenC);
            assertThat(updated.data().get("roles")).hasSize(2);
            assertThat(other.received("/2.3.0")).as("the endpoints are read again").hasSizeGreaterThan(detailsRead);
            assertThat(peer.callWith(tokenC, "GET", "/ocpi/2.3.0/credentials", null).status()).as("the old token").isEqualTo(401);

            peer.callWith(newToken, "DELETE", "/ocpi/2.3.0/credentials", null).assertStatus(200);
            Reply gone = peer.callWith(newToken, "DELETE", "/ocpi/2.3.0/credentials", null);
            assertThat(gone.status()).isIn(401, 405);
            assertThat(peer.callWith(newToken, "PUT", "/ocpi/2.3.0/credentials",
                    Peer230.credentials("updating-b3", other.url("/versions"), null)).status()).isIn(401, 405);
        }
    }

    @Test
    void aPutOfAnUnregisteredInvitationIsNotAllowed() {
        String tokenA = peer.adapter.invite("not-yet");
        Reply put = peer.callWith(tokenA, "PUT", "/ocpi/2.3.0/credentials", Peer230.credentials("x", peer.server.url("/versions"), null));
        assertThat(put.status()).isEqualTo(405);
        Reply delete = peer.callWith(tokenA, "DELETE", "/ocpi/2.3.0/credentials", null);
        assertThat(delete.status()).isEqualTo(405);
    }

    @Test
    void credentialsWithoutARequiredFieldAreRefusedNamingIt() {
        try (FakePeer other = new FakePeer()) {
            Peer230.offer230(other);
            String body = Peer230.credentials("t", other.url("/versions"), null);
            Reply noToken = peer.adapter.ocpi("POST", "/ocpi/2.3.0/credentials", peer.adapter.invite("no-token"),
                    body.replace("\"token\":\"t\",", ""));
            assertThat(noToken.ocpiStatus()).isEqualTo(2001);
            assertThat(noToken.json().get("status_message").asText()).contains("token");
            Reply noRoles = peer.adapter.ocpi("POST", "/ocpi/2.3.0/credentials", peer.adapter.invite("no-roles"),
                    "{\"token\":\"t\",\"url\":\"" + other.url("/versions") + "\",\"roles\":[]}");
            assertThat(noRoles.ocpiStatus()).isEqualTo(2001);
            assertThat(noRoles.json().get("status_message").asText()).contains("roles");
        }
    }

    @Test
    void aHubNamesItselfInHubPartyIdAndForwardsForThePartiesBehindIt() {
        try (FakePeer hub = new FakePeer()) {
            Peer230.offer230(hub);
            String body = "{\"token\":\"hub-b\",\"url\":\"" + hub.url("/versions") + "\",\"hub_party_id\":\"DEHUB\",\"unknown_field\":1,"
                    + "\"roles\":[{\"role\":\"EMSP\",\"business_details\":{\"name\":\"eMSP behind the hub\"},\"party_id\":\"HBE\",\"country_code\":\"DE\"},"
                    + "{\"role\":\"CPO\",\"business_details\":{\"name\":\"CPO behind the hub\"},\"party_id\":\"HBC\",\"country_code\":\"DE\"}]}";
            Reply registered = peer.adapter.ocpi("POST", "/ocpi/2.3.0/credentials", peer.adapter.invite("hub230"), body).assertStatus(200);
            String hubToken = registered.data().get("token").asText();

            assertThat(registered.data().has("hub_party_id")).isFalse();

            // A request of a party behind the hub, with the routing headers naming it.
            Reply routed = io.ocpi.adapter.support.AdapterInstance.send("GET", peer.adapter.baseUrl() + Peer230.cpo("locations"),
                    withToken(hubToken, Peer230.routing(new String[] {"DE", "HBE"}, Peer230.OUR_CPO)), null);
            routed.assertStatus(200);
            assertThat(routed.ocpiStatus()).isEqualTo(1000);
            assertThat(routed.header("OCPI-to-party-id")).isEqualTo("HBE");
            assertThat(routed.header("OCPI-from-party-id")).isEqualTo("ADC");

        }
    }

    @Test
    void routingHeadersNamingAPartyThePeerDoesNotPlayAreRefused() {
        Reply notItsParty = peer.call("PUT", Peer230.emsp("tariffs/FR/XXX/T1"), Spec230.example("tariff_1_simple_2hour.json")
                .put("country_code", "FR").put("party_id", "XXX").put("id", "T1"), new String[] {"FR", "XXX"}, Peer230.OUR_EMSP);
        assertThat(notItsParty.status()).isEqualTo(403);
        assertThat(notItsParty.json().get("status_message").asText()).contains("FR*XXX");

        Reply notOurs = peer.call("GET", Peer230.cpo("locations"), null, Peer230.PEER_EMSP, new String[] {"DE", "XYZ"});
        assertThat(notOurs.status()).isEqualTo(404);
        assertThat(notOurs.ocpiStatus()).isEqualTo(4001);

        Reply half = peer.call("GET", Peer230.cpo("locations"), null, java.util.Map.of("OCPI-to-party-id", "ADC"));
        assertThat(half.ocpiStatus()).isEqualTo(2001);
        assertThat(half.json().get("status_message").asText()).startsWith("OCPI-to-country-code");
    }

    static java.util.Map<String, String> withToken(String token, java.util.Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Token " + io.ocpi.adapter.support.AdapterInstance.base64(token));
        return all;
    }
}
