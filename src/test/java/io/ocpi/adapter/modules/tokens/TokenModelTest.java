package io.ocpi.adapter.modules.tokens;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.ProfileType;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiJson;
import io.ocpi.adapter.protocol.OcpiResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.ocpi.adapter.support.ModelCheck.bytes;
import static io.ocpi.adapter.support.ModelCheck.roundTrip;
import static io.ocpi.adapter.support.ModelCheck.specExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Token module's objects against the specification's own examples and against bodies a peer gets wrong. */
class TokenModelTest {

    private final ObjectMapper mapper = OcpiJson.newMapper();
    private final OcpiBodies bodies = new OcpiBodies(mapper);

    private static final String TOKEN = """
            {
              "country_code": "DE",
              "party_id": "TNM",
              "uid": "12345678905880",
              "type": "RFID",
              "contract_id": "DE8ACC12E46L89",
              "issuer": "TheNewMotion",
              "valid": true,
              "whitelist": "NEVER",
              "last_updated": "2018-12-10T17:25:10Z"
            }""";

    @ParameterizedTest
    @ValueSource(strings = {"token_example_1_app_user.json", "token_example_2_full_rfid.json", "token_put_example.json"})
    void specExampleTokensReadValidateAndWriteBackUnchanged(String example) throws IOException {
        byte[] original = specExample(example);

        Token token = mapper.readValue(original, Token.class);
        bodies.validate(token);

        assertThat(mapper.readTree(mapper.writeValueAsBytes(token))).isEqualTo(mapper.readTree(original));
    }

    @Test
    void fullRfidExampleKeepsEveryOptionalField() throws IOException {
        Token token = bodies.read(specExample("token_example_2_full_rfid.json"), Token.class);

        assertThat(token.type()).isEqualTo(TokenType.RFID);
        assertThat(token.visualNumber()).isEqualTo("DF000-2001-8999-1");
        assertThat(token.groupId()).isEqualTo("DF000-2001-8999");
        assertThat(token.whitelist()).isEqualTo(WhitelistType.ALLOWED);
        assertThat(token.language()).isEqualTo("it");
        assertThat(token.defaultProfileType()).isEqualTo(ProfileType.GREEN);
        assertThat(token.energyContract()).isEqualTo(new EnergyContract("Greenpeace Energy eG", "0123456789"));
        assertThat(token.lastUpdated()).isEqualTo(Instant.parse("2018-12-10T17:25:10Z"));
    }

    @Test
    void tokenIsAnOwnedObjectKnownByItsUid() throws IOException {
        OwnedObject owned = bodies.read(specExample("token_put_example.json"), Token.class);

        assertThat(owned.countryCode()).isEqualTo("NL");
        assertThat(owned.partyId()).isEqualTo("TNM");
        assertThat(owned.objectId()).isEqualTo("012345678");
        assertThat(owned.lastUpdated()).isEqualTo(Instant.parse("2015-06-29T22:39:09Z"));
    }

    @Test
    void getTokenEnvelopeRoundTrips() throws IOException {
        byte[] original = specExample("transport_and_format_get_token_example.json");

        OcpiResponse<Token> response = mapper.readValue(original, new TypeReference<>() {
        });
        bodies.validate(response.data());

        assertThat(response.data().uid()).isEqualTo("012345678");
        assertThat(mapper.readTree(mapper.writeValueAsBytes(response))).isEqualTo(mapper.readTree(original));
    }

    @Test
    void getTokenListEnvelopeRoundTrips() throws IOException {
        byte[] original = specExample("transport_and_format_get_token_list_example.json");

        OcpiResponse<List<Token>> response = mapper.readValue(original, new TypeReference<>() {
        });
        response.data().forEach(bodies::validate);

        assertThat(response.data()).extracting(Token::uid).containsExactly("100012", "100013", "100014");
        assertThat(response.data()).extracting(Token::valid).containsExactly(true, true, false);
        assertThat(mapper.readTree(mapper.writeValueAsBytes(response))).isEqualTo(mapper.readTree(original));
    }

    @Test
    void patchExampleIsNoFullToken() throws IOException {
        // A PATCH body carries only the changed fields, so as a whole Token it must be refused.
        assertThatThrownBy(() -> bodies.read(specExample("token_patch_example.json"), Token.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("uid: must not be null")
                .hasMessageContaining("whitelist: must not be null");
    }

    @Test
    void authorizationInfoRoundTrips() throws IOException {
        String json = """
                {
                  "allowed": "ALLOWED",
                  "token": %s,
                  "location": {
                    "location_id": "LOC1",
                    "evse_uids": ["3256", "3257"]
                  },
                  "authorization_reference": "567890",
                  "info": {"language": "en", "text": "Charging allowed"}
                }""".formatted(TOKEN);

        AuthorizationInfo info = roundTrip(json, AuthorizationInfo.class);

        assertThat(info.allowed()).isEqualTo(AllowedType.ALLOWED);
        assertThat(info.location().evseUids()).containsExactly("3256", "3257");
        assertThat(info.token().whitelist()).isEqualTo(WhitelistType.NEVER);
    }

    @Test
    void locationReferencesWithoutEvsesRoundTrip() throws IOException {
        LocationReferences references = roundTrip("{\"location_id\": \"LOC1\"}", LocationReferences.class);

        assertThat(references.evseUids()).isNull();
    }

    @Test
    void missingFieldOfTheNestedTokenIsNamedByItsPath() {
        String json = """
                {"allowed": "BLOCKED", "token": %s}""".formatted(TOKEN.replace("\"uid\": \"12345678905880\",", ""));

        assertThatThrownBy(() -> bodies.read(bytes(json), AuthorizationInfo.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("token.uid: must not be null");
    }

    @Test
    void energyContractNeedsItsSupplier() {
        String json = TOKEN.replace("\"valid\": true,", "\"valid\": true, \"energy_contract\": {\"contract_id\": \"0123456789\"},");

        assertThatThrownBy(() -> bodies.read(bytes(json), Token.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("energy_contract.supplier_name: must not be null");
    }

    @Test
    void locationReferencesNeedTheLocation() {
        String json = """
                {"allowed": "NOT_ALLOWED", "token": %s, "location": {"evse_uids": ["3256"]}}""".formatted(TOKEN);

        assertThatThrownBy(() -> bodies.read(bytes(json), AuthorizationInfo.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("location.location_id: must not be null");
    }

    @Test
    void unknownWhitelistValueIsRefusedNamingTheField() {
        String json = TOKEN.replace("\"NEVER\"", "\"SOMETIMES\"");

        assertThatThrownBy(() -> bodies.read(bytes(json), Token.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("whitelist: unknown value 'SOMETIMES'")
                .hasMessageContaining("ALLOWED_OFFLINE");
    }

    @Test
    void unknownAllowedValueIsRefusedNamingTheField() {
        String json = """
                {"allowed": "MAYBE", "token": %s}""".formatted(TOKEN);

        assertThatThrownBy(() -> bodies.read(bytes(json), AuthorizationInfo.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("allowed: unknown value 'MAYBE'");
    }

    @Test
    void unknownProfileTypeInsideTheTokenIsNamedByItsPath() {
        String json = """
                {"allowed": "ALLOWED", "token": %s}""".formatted(TOKEN.replace("\"valid\": true,", "\"valid\": true, \"default_profile_type\": \"TURBO\","));

        assertThatThrownBy(() -> bodies.read(bytes(json), AuthorizationInfo.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("token.default_profile_type: unknown value 'TURBO'");
    }

    @Test
    void tooLongUidIsRefusedNamingTheField() {
        String json = TOKEN.replace("12345678905880", "x".repeat(37));

        assertThatThrownBy(() -> bodies.read(bytes(json), Token.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("uid: size must be between 0 and 36");
    }

    @Test
    void uidOfExactlyThirtySixCharactersIsAccepted() {
        String json = TOKEN.replace("12345678905880", "x".repeat(36));

        assertThat(bodies.read(bytes(json), Token.class).uid()).hasSize(36);
    }

    @Test
    void tooLongPartyIdAndIssuerAreBothNamed() {
        String json = TOKEN.replace("\"TNM\"", "\"TNMX\"").replace("TheNewMotion", "y".repeat(65));

        assertThatThrownBy(() -> bodies.read(bytes(json), Token.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("issuer: size must be between 0 and 64; party_id: size must be between 0 and 3");
    }

    @Test
    void tooLongEvseUidInTheReferencesIsNamedByItsPath() {
        String json = """
                {"location_id": "LOC1", "evse_uids": ["3256", "%s"]}""".formatted("e".repeat(37));

        assertThatThrownBy(() -> bodies.read(bytes(json), LocationReferences.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("evse_uids[1]")
                .hasMessageEndingWith(": size must be between 0 and 36");
    }
}
