package io.ocpi.adapter.modules.tokens.v211;

import static io.ocpi.adapter.support.Spec211.FROM_PEER;
import static io.ocpi.adapter.support.Spec211.accepted;
import static io.ocpi.adapter.support.Spec211.example;
import static io.ocpi.adapter.support.Spec211.json;
import static io.ocpi.adapter.support.Spec211.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.AuthorizationInfo;
import io.ocpi.adapter.modules.tokens.LocationReferences;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.support.Spec211;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2.1.1 Token, AuthorizationInfo and LocationReferences forms against mod_tokens.md and canonical objects. */
class TokenForms211Test {

    private static final String TEXT = "mod_tokens.md";
    private final WireForm tokens = new TokenForm211();
    private final WireForm authorizations = new AuthorizationInfoForm211();
    private final WireForm references = new LocationReferencesForm211();

    @ParameterizedTest
    @ValueSource(strings = {"Example: put a new Token", "Example"})
    void theTokenExamplesAreValidAndComeBack(String heading) {
        ObjectNode wire = example(TEXT, heading).body();
        ObjectNode canonical = accepted(tokens.toCanonical(wire, FROM_PEER), Token.class);
        assertThat(canonical.get("contract_id").asText()).isEqualTo("DE8ACC12E46L89");
        assertThat(canonical.get("country_code").asText()).isEqualTo("BE");
        assertThat(normal(tokens.toWire(canonical))).isEqualTo(normal(wire));
    }

    @Test
    void thePatchExampleStaysPartial() {
        ObjectNode patch = example(TEXT, "Example: invalidate a Token").body();
        ObjectNode canonical = tokens.toCanonical(patch, FROM_PEER);
        assertThat(canonical).isEqualTo(json("{\"valid\": false}"));
        ObjectNode stored = accepted(tokens.toCanonical(example(TEXT, "Example").body(), FROM_PEER), Token.class);
        stored.setAll(canonical);
        accepted(stored, Token.class);
        assertThat(tokens.toWire(canonical)).isEqualTo(patch);
    }

    @Test
    void appAndAdHocUsersAreOtherTokensIn211() {
        ObjectNode canonical = accepted(tokens.toCanonical(example(TEXT, "Example").body(), FROM_PEER), Token.class);
        for (String type : List.of("APP_USER", "AD_HOC_USER", "EMAID", "OTHER")) {
            assertThat(tokens.toWire(canonical.deepCopy().put("type", type)).get("type").asText()).isEqualTo("OTHER");
        }
    }

    @Test
    void aTwoOneOneTokenOfAnotherTypeIsRefused() {
        ObjectNode wire = example(TEXT, "Example").body().put("type", "APP_USER");
        assertThatThrownBy(() -> tokens.toCanonical(wire, FROM_PEER)).isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("type: unknown value 'APP_USER'");
    }

    @Test
    void anAuthorizationAnswerNeedsTheTokenItIsAbout() {
        ObjectNode answer = json("""
                {"allowed": "ALLOWED", "location": {"location_id": "LOC1", "evse_uids": ["3256"], "connector_ids": ["1"]},
                 "info": {"language": "en", "text": "Welcome"}}""");
        assertThatThrownBy(() -> authorizations.toCanonical(answer, FROM_PEER)).isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("token: ");

        ObjectNode token = accepted(tokens.toCanonical(example(TEXT, "Example").body(), new WireForm.Parties(Spec211.OURS, Spec211.PEERS)),
                Token.class);
        ObjectNode asked = answer.deepCopy();
        asked.set("token", token);
        ObjectNode canonical = accepted(authorizations.toCanonical(asked, FROM_PEER), AuthorizationInfo.class);
        assertThat(canonical.get("location")).isEqualTo(json("{\"location_id\": \"LOC1\", \"evse_uids\": [\"3256\"]}"));

        ObjectNode wire = authorizations.toWire(canonical.deepCopy().put("authorization_reference", "ABC"));
        assertThat(wire.has("token") || wire.has("authorization_reference")).isFalse();
        ObjectNode expected = answer.deepCopy();
        ((ObjectNode) expected.get("location")).remove("connector_ids");
        assertThat(normal(wire)).isEqualTo(normal(expected));
    }

    @Test
    void locationReferencesLoseTheirConnectors() {
        ObjectNode wire = json("{\"location_id\": \"LOC1\", \"evse_uids\": [\"3256\"], \"connector_ids\": [\"1\", \"2\"]}");
        ObjectNode canonical = accepted(references.toCanonical(wire, FROM_PEER), LocationReferences.class);
        assertThat(canonical).isEqualTo(json("{\"location_id\": \"LOC1\", \"evse_uids\": [\"3256\"]}"));
        assertThat(references.toWire(canonical)).isEqualTo(canonical);
    }

    // --- canonical → 2.1.1 → canonical ------------------------------------------------------------------------------

    /** What of a canonical Token comes back through 2.1.1: its issuer upper-case; type RFID or OTHER; no group, profile, contract. */
    static ObjectNode carried(ObjectNode canonical) {
        ObjectNode token = canonical.deepCopy();
        for (String field : List.of("country_code", "party_id")) {
            if (token.has(field)) {
                token.put(field, token.get(field).asText().toUpperCase(Locale.ROOT));
            }
        }
        List.of("group_id", "default_profile_type", "energy_contract").forEach(token::remove);
        if (Set.of("APP_USER", "AD_HOC_USER").contains(token.path("type").asText())) {
            token.put("type", "OTHER");
        }
        return token;
    }

    @Provide
    Arbitrary<ObjectNode> canonicalTokens() {
        return Spec211.canonical(Token.class);
    }

    @Provide
    Arbitrary<ObjectNode> partialTokens() {
        return Spec211.partOf(Spec211.canonical(Token.class), Set.of("uid", "country_code", "party_id"));
    }

    @Provide
    Arbitrary<ObjectNode> canonicalReferences() {
        return Spec211.canonical(LocationReferences.class);
    }

    @Property(tries = 200)
    void tokensKeepWhatTwoOneOneCarries(@ForAll("canonicalTokens") ObjectNode token) {
        ObjectNode wire = tokens.toWire(token);
        assertThat(wire.has("contract_id") || wire.has("country_code")).isFalse();
        Party issuer = new Party(token.get("country_code").asText(), token.get("party_id").asText());
        ObjectNode back = accepted(tokens.toCanonical(wire, new WireForm.Parties(issuer, Spec211.OURS)), Token.class);
        assertThat(normal(back)).isEqualTo(normal(carried(token)));
    }

    @Property(tries = 200)
    void partialTokensStayPartial(@ForAll("partialTokens") ObjectNode patch) {
        assertThat(normal(tokens.toCanonical(tokens.toWire(patch), FROM_PEER))).isEqualTo(normal(carried(patch)));
    }

    @Property(tries = 100)
    void locationReferencesComeBackWhole(@ForAll("canonicalReferences") ObjectNode location) {
        ObjectNode back = accepted(references.toCanonical(references.toWire(location), FROM_PEER), LocationReferences.class);
        assertThat(normal(back)).isEqualTo(normal(location));
    }
}
