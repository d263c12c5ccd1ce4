package io.ocpi.adapter.versions.v211;

import static io.ocpi.adapter.support.Spec211.normal;
import static io.ocpi.adapter.versions.v211.Scripted211.json;
import static io.ocpi.adapter.versions.v211.Scripted211.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.store.ObjectStore;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens (mod_tokens.md) with 2.1.1 parties: 2.1, the CPO interface (GET, PUT, PATCH at
 * {@code {country_code}/{party_id}/{token_uid}}, no type in the URL) the adapter serves to the scripted eMSP; 2.2, the
 * eMSP interface (the paginated list, real-time authorization at {@code {token_uid}/authorize?type=}) it serves to
 * the scripted CPO; and the other way round: its pushes to the scripted CPO, its pull from the scripted eMSP, and the
 * real-time authorization it asks the scripted eMSP as a CPO.
 */
class Tokens211Test {

    static Scripted211 peers;

    /** A token of the adapter's eMSP, canonical; {@code type} may be one 2.1.1 lacks. */
    static final String OUR_TOKEN = """
            {"country_code": "NL", "party_id": "ADE", "uid": "%s", "type": "%s", "contract_id": "NL-ADE-%s", "issuer": "Adapter eMSP",
             "valid": %s, "whitelist": "ALLOWED", "group_id": "G1", "last_updated": "%s"}""";

    /** The same as mod_tokens.md 3.2 writes it: auth_id, no owner, no group_id, RFID or OTHER. */
    static final String OUR_TOKEN_211 = """
            {"uid": "%s", "type": "%s", "auth_id": "NL-ADE-%s", "issuer": "Adapter eMSP", "valid": %s, "whitelist": "ALLOWED",
             "last_updated": "%s"}""";

    @BeforeAll
    static void start() {
        peers = Scripted211.start("v211-tokens", Map.of());
        for (String uid : new String[] {"TOK1", "TOK2", "TOK3"}) {
            peers.cpo.server.on("/2.1.1/tokens/NL/ADE/" + uid, Answer.ocpi("null"));
        }
        peers.publish("tokens", OUR_TOKEN.formatted("TOK1", "RFID", "TOK1", true, "2024-01-01T00:00:00Z"));
        peers.publish("tokens", OUR_TOKEN.formatted("TOK2", "APP_USER", "TOK2", true, "2024-02-01T00:00:00Z"));
        peers.publish("tokens", OUR_TOKEN.formatted("TOK3", "RFID", "TOK3", false, "2024-03-01T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    static JsonNode ours211(String uid, String type, boolean valid, String lastUpdated) {
        return normal(json(OUR_TOKEN_211.formatted(uid, type, uid, valid, lastUpdated)));
    }

    /** A token of the scripted eMSP, as mod_tokens.md 3.2 writes it. */
    static ObjectNode theirToken(String uid, String type, String whitelist) {
        return object("""
                {"uid": "%s", "type": "%s", "auth_id": "DE-EMP-%s", "visual_number": "DF000-2001-8999", "issuer": "Scripted eMSP",
                 "valid": true, "whitelist": "%s", "language": "de", "last_updated": "2015-06-29T22:39:09Z"}""".formatted(uid, type, uid, whitelist));
    }

    String theirs(String uid) {
        return peers.emsp.ours("tokens") + "/DE/EMP/" + uid;
    }

    // --- 2.1 CPO interface: the adapter as CPO keeps the scripted eMSP's tokens ----------------------------------

    @Test
    void theEmspPutsPatchesAndReadsBackAnRfidToken() {
        ObjectNode token = theirToken("RF1", "RFID", "ALLOWED");
        assertThat(peers.emsp.call("PUT", theirs("RF1"), token.toString()).assertStatus(201).ocpiStatus()).isEqualTo(1000);
        assertThat(normal(peers.emsp.call("GET", theirs("RF1"), null).assertStatus(200).data())).isEqualTo(normal(token));

        ObjectNode patch = object("{\"valid\": false, \"last_updated\": \"2015-07-01T00:00:00Z\"}");
        assertThat(peers.emsp.call("PATCH", theirs("RF1"), patch.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        token.setAll(patch);
        assertThat(normal(peers.emsp.call("GET", theirs("RF1"), null).assertStatus(200).data())).isEqualTo(normal(token));
    }

    @Test
    void theEmspPutsATokenOfTypeOtherAtItsUidAlone() {
        // 2.1.1's URL names a token by uid alone: a token of type OTHER is PUT, PATCHed and read there too.
        ObjectNode token = theirToken("OT1", "OTHER", "ALWAYS");
        assertThat(peers.emsp.call("PUT", theirs("OT1"), token.toString()).assertStatus(201).ocpiStatus()).isEqualTo(1000);
        assertThat(normal(peers.emsp.call("GET", theirs("OT1"), null).assertStatus(200).data())).isEqualTo(normal(token));
        ObjectNode patch = object("{\"whitelist\": \"NEVER\", \"last_updated\": \"2015-07-01T00:00:00Z\"}");
        assertThat(peers.emsp.call("PATCH", theirs("OT1"), patch.toString()).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        token.setAll(patch);
        assertThat(normal(peers.emsp.call("GET", theirs("OT1"), null).assertStatus(200).data())).isEqualTo(normal(token));
    }

    @Test
    void aTokenLackingItsAuthIdOrOfA221TypeIsRefusedNamingTheField() {
        ObjectNode noAuthId = theirToken("BAD1", "RFID", "ALLOWED");
        noAuthId.remove("auth_id");
        Reply refused = peers.emsp.call("PUT", theirs("BAD1"), noAuthId.toString());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.ocpiStatus()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText()).startsWith("auth_id: ");

        // APP_USER is 2.2.1's; mod_tokens.md 4.3 knows RFID and OTHER.
        Reply appUser = peers.emsp.call("PUT", theirs("BAD2"), theirToken("BAD2", "APP_USER", "ALLOWED").toString());
        assertThat(appUser.ocpiStatus()).isEqualTo(2001);
        assertThat(appUser.json().get("status_message").asText()).startsWith("type: ");
        for (String uid : new String[] {"BAD1", "BAD2"}) {
            assertThat(peers.emsp.call("GET", theirs(uid), null).status()).isEqualTo(404);
        }
    }

    @Test
    void unknownTokensAreNotFoundAndOtherPartiesAndWrongTokensRefused() {
        Reply unknown = peers.emsp.call("GET", theirs("NEVER"), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
        Reply other = peers.emsp.call("PUT", peers.emsp.ours("tokens") + "/NL/OTH/X1", theirToken("X1", "RFID", "ALLOWED").toString());
        assertThat(other.ocpiStatus()).isNotEqualTo(1000);
        assertThat(other.status()).isIn(403, 404);
        assertThat(peers.emsp.call("GET", theirs("RF1"), null, "wrong").status()).isEqualTo(401);
    }

    // --- 2.2 eMSP interface: the adapter as eMSP serves its tokens to the scripted CPO ---------------------------

    @Test
    void theTokenListIsPaginatedIn211Shape() {
        Reply first = peers.cpo.call("GET", peers.cpo.ours("tokens") + "?limit=2", null).assertStatus(200);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("X-Limit")).isNotNull();
        assertThat(normal(first.data())).isEqualTo(normal(AdapterInstance.JSON.createArrayNode()
                .add(ours211("TOK1", "RFID", true, "2024-01-01T00:00:00Z")).add(ours211("TOK2", "OTHER", true, "2024-02-01T00:00:00Z"))));
        String link = first.header("Link");
        assertThat(link).contains("/ocpi/emsp/2.1.1/tokens?").contains("offset=2");
        Reply second = peers.cpo.call("GET", link.substring(peers.adapter.baseUrl().length() + 1, link.indexOf('>')), null).assertStatus(200);
        assertThat(normal(second.data())).isEqualTo(normal(AdapterInstance.JSON.createArrayNode()
                .add(ours211("TOK3", "RFID", false, "2024-03-01T00:00:00Z"))));
        Reply to = peers.cpo.call("GET", peers.cpo.ours("tokens") + "?date_to=2024-01-15T00:00:00Z", null).assertStatus(200);
        assertThat(to.data()).hasSize(1);
    }

    @Test
    void ourTokensArePushedToTheCpoIn211Shape() {
        FakePeer.Received put = peers.cpo.awaitReceived("/2.1.1/tokens/NL/ADE/TOK2", 1);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(normal(json(put.body()))).isEqualTo(ours211("TOK2", "OTHER", true, "2024-02-01T00:00:00Z"));
    }

    @Test
    void theCpoAuthorizesATokenWithAndWithoutLocationReferences() {
        String references = "{\"location_id\": \"LOC1\", \"evse_uids\": [\"3256\"], \"connector_ids\": [\"1\"]}";
        Reply atLocation = peers.cpo.call("POST", peers.cpo.ours("tokens") + "/TOK1/authorize?type=RFID", references).assertStatus(200);
        assertThat(atLocation.ocpiStatus()).isEqualTo(1000);
        // mod_tokens.md 3.1: allowed, the location it may be used at, info; no token, no authorization reference.
        assertThat(atLocation.data().get("allowed").asText()).isEqualTo("ALLOWED");
        assertThat(atLocation.data().at("/location/location_id").asText()).isEqualTo("LOC1");
        assertThat(atLocation.data().has("token")).isFalse();
        assertThat(atLocation.data().has("authorization_reference")).isFalse();

        // Without ?type= the token is an RFID one (mod_tokens.md 2.2.2); without a body, no location.
        Reply nowhere = peers.cpo.call("POST", peers.cpo.ours("tokens") + "/TOK3/authorize", null).assertStatus(200);
        assertThat(nowhere.data().get("allowed").asText()).isEqualTo("BLOCKED");
        assertThat(nowhere.data().has("location")).isFalse();
    }

    @Test
    void aTokenThe211CpoSeesAsOtherIsAuthorizedAsOther() {
        Reply other = peers.cpo.call("POST", peers.cpo.ours("tokens") + "/TOK2/authorize?type=OTHER", null).assertStatus(200);
        assertThat(other.ocpiStatus()).isEqualTo(1000);
        assertThat(other.data().get("allowed").asText()).isEqualTo("ALLOWED");
    }

    @Test
    void aUidStoredUnderTwoTypesOtherThanRfidIsAuthorizedAsTheFirstTypeDeclared() {
        // OTHER stands for every type but RFID; one look-up finds the uid under any of them, AD_HOC_USER before APP_USER.
        for (String uid : new String[] {"TWIN1", "TWIN2"}) {
            peers.cpo.server.on("/2.1.1/tokens/NL/ADE/" + uid, Answer.ocpi("null"));
        }
        peers.publish("tokens", OUR_TOKEN.formatted("TWIN1", "APP_USER", "TWIN1", false, "2024-04-01T00:00:00Z"));
        peers.publish("tokens", OUR_TOKEN.formatted("TWIN1", "AD_HOC_USER", "TWIN1", true, "2024-04-01T00:00:00Z"));
        peers.publish("tokens", OUR_TOKEN.formatted("TWIN2", "AD_HOC_USER", "TWIN2", false, "2024-04-01T00:00:00Z"));
        peers.publish("tokens", OUR_TOKEN.formatted("TWIN2", "APP_USER", "TWIN2", true, "2024-04-01T00:00:00Z"));
        try {
            Reply first = peers.cpo.call("POST", peers.cpo.ours("tokens") + "/TWIN1/authorize?type=OTHER", null).assertStatus(200);
            assertThat(first.data().get("allowed").asText()).isEqualTo("ALLOWED");
            Reply second = peers.cpo.call("POST", peers.cpo.ours("tokens") + "/TWIN2/authorize?type=OTHER", null).assertStatus(200);
            assertThat(second.data().get("allowed").asText()).isEqualTo("BLOCKED");
        } finally {
            // The other tests read the eMSP's token list as the three tokens of start().
            ObjectStore store = peers.adapter.bean(ObjectStore.class);
            for (String uid : new String[] {"TWIN1", "TWIN2"}) {
                for (String type : new String[] {"APP_USER", "AD_HOC_USER"}) {
                    store.delete(new ObjectKey(ModuleId.TOKENS, new Party("NL", "ADE"), uid, type));
                }
            }
        }
    }

    @Test
    void unknownTokensAndTypesAreRefused() {
        Reply unknown = peers.cpo.call("POST", peers.cpo.ours("tokens") + "/NOBODY/authorize", null);
        assertThat(unknown.status()).isEqualTo(404);
        // 2.2.1's 2004 (unknown token) is 2.1.1's generic client error.
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
        Reply badType = peers.cpo.call("POST", peers.cpo.ours("tokens") + "/TOK1/authorize?type=APP_USER", null);
        assertThat(badType.ocpiStatus()).isEqualTo(2001);
        assertThat(badType.json().get("status_message").asText()).startsWith("type: ");
    }

    // --- The adapter as CPO: real-time authorization asked of the scripted eMSP, and its pull -------------------

    @Test
    void theAdapterAsksTheEmspInRealTimeIn211Shape() {
        peers.emsp.call("PUT", theirs("ASK1"), theirToken("ASK1", "RFID", "NEVER").toString()).assertStatus(201);
        peers.emsp.server.on("/2.1.1/tokens/ASK1/authorize", Answer.ocpi("""
                {"allowed": "ALLOWED", "location": {"location_id": "LOC1", "evse_uids": ["LOC1-E1"]}, "info": {"language": "en", "text": "Welcome"}}"""));
        Exchange decided = peers.input("ocpi.tokens.decide", "{\"location_id\": \"LOC1\", \"evse_uids\": [\"LOC1-E1\"]}",
                Map.of("OcpiObjectId", "ASK1", "OcpiTokenType", "RFID"));
        JsonNode decision = json(decided.getMessage().getBody(String.class));
        assertThat(decision.get("allowed").asText()).isEqualTo("ALLOWED");
        assertThat(decision.at("/token/uid").asText()).isEqualTo("ASK1");
        assertThat(decision.at("/info/text").asText()).isEqualTo("Welcome");

        FakePeer.Received asked = peers.emsp.received("/2.1.1/tokens/ASK1/authorize").get(0);
        assertThat(asked.method()).isEqualTo("POST");
        assertThat(asked.param("type")).isIn(null, "RFID");
        assertThat(json(asked.body())).isEqualTo(json("{\"location_id\": \"LOC1\", \"evse_uids\": [\"LOC1-E1\"]}"));
    }

    @Test
    void theAdapterPullsTheEmspTokensFollowingItsLinks() {
        ArrayNode page1 = AdapterInstance.JSON.createArrayNode().add(theirToken("PULL1", "RFID", "ALLOWED"));
        ArrayNode page2 = AdapterInstance.JSON.createArrayNode().add(theirToken("PULL2", "OTHER", "ALLOWED"));
        peers.emsp.server.on("/2.1.1/tokens", request -> "1".equals(request.param("offset"))
                ? Scripted211.page(page2, 2, 1, null)
                : Scripted211.page(page1, 2, 1, peers.emsp.server.url("/2.1.1/tokens?offset=1&limit=1")));
        Reply pulled = peers.adapter.admin("POST", "/peers/" + peers.emsp.id + "/pull-tokens", null).assertStatus(200);
        assertThat(pulled.json().get("stored").asLong()).isEqualTo(2);
        assertThat(peers.emsp.received("/2.1.1/tokens")).hasSize(2);
        assertThat(normal(peers.emsp.call("GET", theirs("PULL1"), null).assertStatus(200).data()))
                .isEqualTo(normal(theirToken("PULL1", "RFID", "ALLOWED")));
    }
}
