package io.ocpi.adapter.versions.v230;

import static io.ocpi.adapter.support.Spec230.example;
import static io.ocpi.adapter.support.Spec230.json;
import static io.ocpi.adapter.support.Spec230.normal;
import static io.ocpi.adapter.versions.v230.Peer230.cpo;
import static io.ocpi.adapter.versions.v230.Peer230.emsp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer.Received;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mod_tokens.asciidoc of 2.3.0 with a 2.3.0 peer: our Sender (the list, real-time authorization the peer asks of us),
 * our pushes to the peer's Receiver, our Receiver of the peer's tokens (by uid and type; TokenType is an OpenEnum in
 * 2.3.0), and the real-time authorization we ask of the peer's Sender.
 */
class Tokens230Test {

    static Peer230 peer;

    static String ours(String uid, String type, boolean valid, String lastUpdated) {
        return """
                {"country_code":"NL","party_id":"ADE","uid":"%s","type":"%s","contract_id":"NL-ADE-%s","issuer":"Utility",
                 "valid":%s,"whitelist":"ALLOWED","last_updated":"%s"}""".formatted(uid, type, uid, valid, lastUpdated);
    }

    @BeforeAll
    static void start() {
        peer = Peer230.start("tokens230", Map.of("ocpi.push.poll-interval", "100ms"));
        peer.answer("/2.3.0/receiver/tokens/NL/ADE/CARD1", "null");
        peer.answer("/2.3.0/receiver/tokens/NL/ADE/CARD2", "null");
        peer.answer("/2.3.0/receiver/tokens/NL/ADE/EMA1", "null");
        peer.publish("tokens", ours("CARD1", "RFID", true, "2024-01-01T00:00:00Z"));
        peer.publish("tokens", ours("CARD2", "RFID", false, "2024-01-02T00:00:00Z"));
        peer.publish("tokens", ours("EMA1", "EMAID", true, "2024-01-03T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    // --- Our Sender ----------------------------------------------------------------------------------------------

    @Test
    void theSenderListsOurTokensPageByPage() {
        Reply page = peer.call("GET", emsp("tokens") + "?offset=1&limit=1", null, Peer230.PEER_CPO, Peer230.OUR_EMSP).assertStatus(200);
        assertThat(page.data()).extracting(t -> t.get("uid").asText()).containsExactly("CARD2");
        assertThat(page.header("X-Total-Count")).isEqualTo("3");
        assertThat(page.header("Link")).isEqualTo("<" + peer.adapter.baseUrl() + emsp("tokens") + "?offset=2&limit=1>; rel=\"next\"");
        Reply last = peer.call("GET", emsp("tokens") + "?date_from=2024-01-03T00:00:00Z", null).assertStatus(200);
        assertThat(last.data()).extracting(t -> t.get("type").asText()).containsExactly("EMAID");
        assertThat(peer.call("GET", emsp("tokens") + "?date_to=notadate", null).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void realTimeAuthorizationOfOurTokensAnswersAuthorizationInfo() {
        Reply allowed = peer.call("POST", emsp("tokens/CARD1/authorize") + "?type=RFID",
                "{\"location_id\":\"LOC1\",\"evse_uids\":[\"E1\"],\"x_vendor\":1}", Peer230.PEER_CPO, Peer230.OUR_EMSP).assertStatus(200);
        assertThat(allowed.data().get("allowed").asText()).isEqualTo("ALLOWED");
        assertThat(allowed.data().at("/token/uid").asText()).isEqualTo("CARD1");
        assertThat(allowed.data().at("/location/location_id").asText()).isEqualTo("LOC1");
        assertThat(allowed.data().get("authorization_reference").asText()).hasSizeBetween(1, 36);

        assertThat(peer.call("POST", emsp("tokens/CARD2/authorize"), null).data().get("allowed").asText()).isEqualTo("BLOCKED");
        assertThat(peer.call("POST", emsp("tokens/EMA1/authorize") + "?type=EMAID", null).data().get("allowed").asText()).isEqualTo("ALLOWED");

        Reply unknown = peer.call("POST", emsp("tokens/NOCARD/authorize"), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2004);
        Reply locationWithoutId = peer.call("POST", emsp("tokens/CARD1/authorize"), "{\"evse_uids\":[\"E1\"]}");
        assertThat(locationWithoutId.ocpiStatus()).isEqualTo(2001);
        assertThat(locationWithoutId.json().get("status_message").asText()).contains("location_id");
    }

    @Test
    void aTokenTypeTwoThreeZeroDoesNotNameIsAnUnknownTokenNotABadRequest() {
        // TokenType is an OpenEnum in 2.3.0: a type we do not know names a token we do not know.
        Reply unknownType = peer.call("POST", emsp("tokens/CARD1/authorize") + "?type=PHONE_WALLET", null);
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.ocpiStatus()).isEqualTo(2004);
    }

    @Test
    void ourTokensArePutToThePeersReceiverWithTheirType() {
        Received put = peer.awaitReceived("PUT", "/2.3.0/receiver/tokens/NL/ADE/EMA1");
        assertThat(put.param("type")).isEqualTo("EMAID");
        assertThat(json(put.body())).isEqualTo(json(ours("EMA1", "EMAID", true, "2024-01-03T00:00:00Z")));
        assertThat(put.header("OCPI-from-party-id")).isEqualTo("ADE");
    }

    // --- Our Receiver --------------------------------------------------------------------------------------------

    @Test
    void theReceiverKeepsThePeersTokensByUidAndTypeUnknownTypesIncluded() {
        ObjectNode token = example("token_example_2_full_rfid.json").put("uid", "RX-TOKEN");
        token.put("x_vendor", "read past");
        String path = cpo("tokens/DE/TNM/RX-TOKEN");
        peer.call("PUT", path, token, new String[] {"DE", "TNM"}, Peer230.OUR_CPO).assertStatus(201);
        ObjectNode wallet = token.deepCopy().put("type", "PHONE_WALLET");
        peer.call("PUT", path + "?type=PHONE_WALLET", wallet).assertStatus(201);
        peer.call("PATCH", path + "?type=RFID", "{\"valid\":false,\"last_updated\":\"2030-01-01T00:00:00Z\"}").assertStatus(200);

        JsonNode rfid = peer.call("GET", path, null).assertStatus(200).data();
        assertThat(rfid.get("valid").asBoolean()).isFalse();
        assertThat(rfid.has("x_vendor")).isFalse();
        JsonNode read = peer.call("GET", path + "?type=PHONE_WALLET", null).assertStatus(200).data();
        wallet.remove("x_vendor");
        assertThat(normal(read)).isEqualTo(normal(wallet));
        assertThat(peer.call("GET", path + "?type=APP_USER", null).status()).isEqualTo(404);
    }

    @Test
    void theReceiverRefusesWhatItCannotStoreNamingTheField() {
        String path = cpo("tokens/DE/TNM/BAD-TOKEN");
        ObjectNode noContract = example("token_example_1_app_user.json").put("uid", "BAD-TOKEN");
        noContract.remove("contract_id");
        Reply missing = peer.call("PUT", path + "?type=APP_USER", noContract);
        assertThat(missing.ocpiStatus()).isEqualTo(2001);
        assertThat(missing.json().get("status_message").asText()).isEqualTo("contract_id: must not be null");

        Reply typeDiffers = peer.call("PUT", path, example("token_example_1_app_user.json").put("uid", "BAD-TOKEN"));
        assertThat(typeDiffers.ocpiStatus()).isEqualTo(2001);
        assertThat(typeDiffers.json().get("status_message").asText()).startsWith("type:");

        Reply noLastUpdated = peer.call("PATCH", path, "{\"valid\":true}");
        assertThat(noLastUpdated.ocpiStatus()).isEqualTo(2001);
        Reply unknown = peer.call("GET", path, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
    }

    // --- Real-time authorization we ask of the peer ------------------------------------------------------------

    @Test
    void weAskThePeersSenderToAuthorizeItsTokenAndTakeItsAnswer() throws Exception {
        ObjectNode token = example("token_example_2_full_rfid.json").put("uid", "ASK-ME").put("whitelist", "NEVER");
        peer.call("PUT", cpo("tokens/DE/TNM/ASK-ME"), token).assertStatus(201);
        String authorize = "/2.3.0/tokens/ASK-ME/authorize";
        peer.answer(authorize, "{\"allowed\":\"NO_CREDIT\",\"token\":" + token + ",\"authorization_reference\":\"REF-230\","
                + "\"info\":{\"language\":\"en\",\"text\":\"Top up first\"},\"x_vendor\":true}");

        Exchange decided = peer.input("ocpi.tokens.decide", "{\"location_id\":\"LOC1\",\"evse_uids\":[\"E1\"]}",
                Map.of("OcpiObjectId", "ASK-ME", "OcpiTokenType", "RFID"));
        JsonNode decision = json(decided.getMessage().getBody(String.class));
        assertThat(decision.get("allowed").asText()).isEqualTo("NO_CREDIT");
        assertThat(decision.get("authorization_reference").asText()).isEqualTo("REF-230");

        Received asked = peer.awaitReceived("POST", authorize);
        assertThat(asked.param("type")).isEqualTo("RFID");
        assertThat(json(asked.body()).get("location_id").asText()).isEqualTo("LOC1");
        assertThat(asked.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(asked.header("OCPI-to-country-code")).isEqualTo("DE");
        assertThat(asked.header("OCPI-to-party-id")).isEqualTo("TNM");
    }
}
