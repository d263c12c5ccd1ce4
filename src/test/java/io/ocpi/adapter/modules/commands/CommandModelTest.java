package io.ocpi.adapter.modules.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.modules.tokens.TokenType;
import io.ocpi.adapter.modules.tokens.WhitelistType;
import io.ocpi.adapter.ocpi.DisplayText;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiJson;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static io.ocpi.adapter.support.ModelCheck.bytes;
import static io.ocpi.adapter.support.ModelCheck.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Commands module's objects. mod_commands.asciidoc has no JSON examples of its own, only tables and sequence
 * diagrams, so the bodies below follow the tables field by field and take their values from the diagrams.
 */
class CommandModelTest {

    private final ObjectMapper mapper = OcpiJson.newMapper();
    private final OcpiBodies bodies = new OcpiBodies(mapper);

    private static final String TOKEN = """
            {
                "country_code": "NL",
                "party_id": "TNM",
                "uid": "200",
                "type": "AD_HOC_USER",
                "contract_id": "NL8ACC12E46L89",
                "issuer": "TheNewMotion",
                "valid": true,
                "whitelist": "NEVER",
                "last_updated": "2019-06-19T02:11:11Z"
            }""";

    private static final String START_SESSION = """
            {
              "response_url": "https://www.server.com/ocpi/emsp/2.2.1/commands/START_SESSION/1234",
              "token": %s,
              "location_id": "1234",
              "evse_uid": "BE-BEC-E041503001",
              "connector_id": "1",
              "authorization_reference": "567890"
            }""".formatted(TOKEN);

    private static final String RESERVE_NOW = """
            {
              "response_url": "https://server.com/reservation/ABC123",
              "token": %s,
              "expiry_date": "2019-06-19T03:00:00Z",
              "reservation_id": "ABC123",
              "location_id": "1234",
              "evse_uid": "BE-BEC-E041503001"
            }""".formatted(TOKEN);

    @Test
    void startSessionRoundTrips() throws IOException {
        StartSession start = roundTrip(START_SESSION, StartSession.class);

        assertThat(start.token().uid()).isEqualTo("200");
        assertThat(start.token().type()).isEqualTo(TokenType.AD_HOC_USER);
        assertThat(start.token().whitelist()).isEqualTo(WhitelistType.NEVER);
        assertThat(start.connectorId()).isEqualTo("1");
        assertThat(start.authorizationReference()).isEqualTo("567890");
    }

    @Test
    void startSessionWithOnlyTheRequiredFieldsRoundTrips() throws IOException {
        String json = """
                {"response_url": "https://ocpi.server.com/commands/START_SESSION/1", "token": %s, "location_id": "1234"}"""
                .formatted(TOKEN);

        StartSession start = roundTrip(json, StartSession.class);

        assertThat(start.evseUid()).isNull();
        assertThat(start.connectorId()).isNull();
    }

    @Test
    void authorizationReferenceBelongsToStartSessionNotToTheToken() throws IOException {
        // The diagram command_start_session_succesful.plantuml writes "token.authorization_reference=567890", but Token
        // has no such field: authorization_reference is a field of StartSession. A reference nested in the token is
        // read past like any unknown field and is not kept.
        String json = """
                {"response_url": "https://ocpi.server.com/commands/START_SESSION/1", "token": %s, "location_id": "1234"}"""
                .formatted(TOKEN.replace("\"valid\": true,", "\"valid\": true, \"authorization_reference\": \"567890\","));

        StartSession start = bodies.read(bytes(json), StartSession.class);

        assertThat(start.authorizationReference()).isNull();
        assertThat(mapper.readTree(mapper.writeValueAsBytes(start)).get("token").has("authorization_reference")).isFalse();
    }

    @Test
    void reserveNowRoundTrips() throws IOException {
        ReserveNow reserve = roundTrip(RESERVE_NOW, ReserveNow.class);

        assertThat(reserve.expiryDate()).isEqualTo(Instant.parse("2019-06-19T03:00:00Z"));
        assertThat(reserve.reservationId()).isEqualTo("ABC123");
        assertThat(reserve.token().contractId()).isEqualTo("NL8ACC12E46L89");
    }

    @Test
    void reservationIdIsSnakeCaseOnTheWire() {
        // The diagram command_reservenow_successful.plantuml writes "reservationId=ABC123"; the table's field is
        // reservation_id, and a body with only the camelCase name lacks it.
        String json = RESERVE_NOW.replace("\"reservation_id\"", "\"reservationId\"");

        assertThatThrownBy(() -> bodies.read(bytes(json), ReserveNow.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("reservation_id: must not be null");
    }

    @Test
    void cancelReservationStopSessionAndUnlockConnectorRoundTrip() throws IOException {
        CancelReservation cancel = roundTrip("""
                {"response_url": "https://server.com/reservation/ABC123/cancel", "reservation_id": "ABC123"}""",
                CancelReservation.class);
        StopSession stop = roundTrip("""
                {"response_url": "https://www.server.com/ocpi/emsp/2.2.1/commands/STOP_SESSION/42", "session_id": "15"}""",
                StopSession.class);
        UnlockConnector unlock = roundTrip("""
                {
                  "response_url": "https://www.server.com/ocpi/emsp/2.2.1/commands/UNLOCK_CONNECTOR/2",
                  "location_id": "1234",
                  "evse_uid": "BE-BEC-E041503001",
                  "connector_id": "1"
                }""", UnlockConnector.class);

        assertThat(cancel.reservationId()).isEqualTo("ABC123");
        assertThat(stop.sessionId()).isEqualTo("15");
        assertThat(unlock.connectorId()).isEqualTo("1");
    }

    @Test
    void commandResponseRoundTrips() throws IOException {
        CommandResponse response = roundTrip("""
                {
                  "result": "ACCEPTED",
                  "timeout": 30,
                  "message": [
                    {"language": "en", "text": "Request sent to the charge point"},
                    {"language": "nl", "text": "Verzoek naar de laadpaal gestuurd"}
                  ]
                }""", CommandResponse.class);

        assertThat(response.result()).isEqualTo(CommandResponseType.ACCEPTED);
        assertThat(response.timeout()).isEqualTo(30);
        assertThat(response.message()).extracting(DisplayText::language).containsExactly("en", "nl");
    }

    @Test
    void commandResultRoundTrips() throws IOException {
        CommandResult result = roundTrip("""
                {"result": "CANCELED_RESERVATION", "message": [{"language": "en", "text": "Charge point out of order"}]}""",
                CommandResult.class);
        CommandResult bare = roundTrip("{\"result\": \"EVSE_INOPERATIVE\"}", CommandResult.class);

        assertThat(result.result()).isEqualTo(CommandResultType.CANCELED_RESERVATION);
        assertThat(bare.message()).isNull();
    }

    @Test
    void eachCommandNamesTheObjectItsBodyHolds() throws IOException {
        assertThat(CommandType.START_SESSION.requestType()).isEqualTo(StartSession.class);
        assertThat(CommandType.RESERVE_NOW.requestType()).isEqualTo(ReserveNow.class);
        assertThat(CommandType.CANCEL_RESERVATION.requestType()).isEqualTo(CancelReservation.class);
        assertThat(CommandType.STOP_SESSION.requestType()).isEqualTo(StopSession.class);
        assertThat(CommandType.UNLOCK_CONNECTOR.requestType()).isEqualTo(UnlockConnector.class);

        CommandRequest request = bodies.read(bytes(START_SESSION), CommandType.valueOf("START_SESSION").requestType());
        assertThat(request).isInstanceOf(StartSession.class);
        assertThat(request.responseUrl()).isEqualTo("https://www.server.com/ocpi/emsp/2.2.1/commands/START_SESSION/1234");
    }

    @Test
    void missingFieldOfTheNestedTokenIsNamedByItsPath() {
        String json = START_SESSION.replace("\"uid\": \"200\",", "");

        assertThatThrownBy(() -> bodies.read(bytes(json), StartSession.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("token.uid: must not be null");
    }

    @Test
    void missingTokenOfReserveNowIsNamed() {
        String json = """
                {"response_url": "https://server.com/reservation/ABC123", "expiry_date": "2019-06-19T03:00:00Z",
                 "reservation_id": "ABC123", "location_id": "1234"}""";

        assertThatThrownBy(() -> bodies.read(bytes(json), ReserveNow.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("token: must not be null");
    }

    @Test
    void missingDisplayTextFieldIsNamedByItsPath() {
        String json = """
                {"result": "REJECTED", "timeout": 30, "message": [{"language": "en", "text": "No"}, {"language": "nl"}]}""";

        assertThatThrownBy(() -> bodies.read(bytes(json), CommandResponse.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("message[1].text: must not be null");
    }

    @Test
    void unlockConnectorNeedsAllItsFields() {
        assertThatThrownBy(() -> bodies.read(bytes("{\"response_url\": \"https://x.example/1\"}"), UnlockConnector.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("connector_id: must not be null; evse_uid: must not be null; location_id: must not be null");
    }

    @Test
    void unknownResponseTypeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> bodies.read(bytes("{\"result\": \"MAYBE\", \"timeout\": 30}"), CommandResponse.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("result: unknown value 'MAYBE'")
                .hasMessageContaining("UNKNOWN_SESSION");
    }

    @Test
    void unknownTokenTypeInsideTheCommandIsNamedByItsPath() {
        String json = START_SESSION.replace("\"AD_HOC_USER\"", "\"BADGE\"");

        assertThatThrownBy(() -> bodies.read(bytes(json), StartSession.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageStartingWith("token.type: unknown value 'BADGE'");
    }

    @Test
    void tooLongLocationIdIsRefusedNamingTheField() {
        String json = START_SESSION.replace("\"location_id\": \"1234\"", "\"location_id\": \"" + "L".repeat(37) + "\"");

        assertThatThrownBy(() -> bodies.read(bytes(json), StartSession.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("location_id: size must be between 0 and 36");
    }

    @Test
    void tooLongResponseUrlIsRefusedNamingTheField() {
        String json = """
                {"response_url": "https://server.com/%s", "session_id": "15"}""".formatted("s".repeat(250));

        assertThatThrownBy(() -> bodies.read(bytes(json), StopSession.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("response_url: size must be between 0 and 255");
    }

    @Test
    void tooLongContractIdInsideTheTokenIsNamedByItsPath() {
        String json = RESERVE_NOW.replace("NL8ACC12E46L89", "C".repeat(37));

        assertThatThrownBy(() -> bodies.read(bytes(json), ReserveNow.class))
                .isInstanceOf(OcpiException.class)
                .hasMessage("token.contract_id: size must be between 0 and 36");
    }
}
