package io.ocpi.adapter.modules.commands.v211;

import static io.ocpi.adapter.support.Spec211.FROM_PEER;
import static io.ocpi.adapter.support.Spec211.accepted;
import static io.ocpi.adapter.support.Spec211.json;
import static io.ocpi.adapter.support.Spec211.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.commands.CommandResponse;
import io.ocpi.adapter.modules.commands.CommandResult;
import io.ocpi.adapter.modules.commands.ReserveNow;
import io.ocpi.adapter.modules.commands.StartSession;
import io.ocpi.adapter.modules.commands.StopSession;
import io.ocpi.adapter.modules.commands.UnlockConnector;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.WireForm.UntranslatableException;
import io.ocpi.adapter.support.Spec211;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 2.1.1 command forms. mod_commands.md has no JSON examples: the bodies here follow its tables (3.1 to 3.5), with
 * the Token of mod_tokens.md's example.
 */
class CommandForms211Test {

    private static final String TOKEN = """
            {"uid": "012345678", "type": "RFID", "auth_id": "DE8ACC12E46L89", "visual_number": "DF000-2001-8999",
             "issuer": "TheNewMotion", "valid": true, "whitelist": "ALLOWED", "last_updated": "2015-06-29T22:39:09Z"}""";
    private final WireForm starts = new StartSessionForm211();
    private final WireForm reservations = new ReserveNowForm211();
    private final WireForm responses = new CommandResponseForm211(60);
    private final WireForm results = new CommandResultForm211();

    @Test
    void aStartSessionIsValidAndComesBack() {
        ObjectNode wire = json("""
                {"response_url": "https://www.server.com/ocpi/emsp/2.1.1/commands/START_SESSION/1234", "token": %s,
                 "location_id": "LOC1", "evse_uid": "3256"}""".formatted(TOKEN));
        ObjectNode canonical = accepted(starts.toCanonical(wire, FROM_PEER), StartSession.class);
        assertThat(canonical.at("/token/contract_id").asText()).isEqualTo("DE8ACC12E46L89");
        assertThat(canonical.at("/token/party_id").asText()).isEqualTo("BEC");
        assertThat(normal(starts.toWire(canonical))).isEqualTo(normal(wire));
        ObjectNode withConnector = canonical.deepCopy().put("connector_id", "1").put("authorization_reference", "A1");
        assertThat(normal(starts.toWire(withConnector))).isEqualTo(normal(wire));
    }

    @Test
    void aReserveNowHasAnIntReservationId() {
        ObjectNode wire = json("""
                {"response_url": "https://www.server.com/ocpi/emsp/2.1.1/commands/RESERVE_NOW/1234", "token": %s,
                 "expiry_date": "2015-06-29T23:39:09Z", "reservation_id": 42, "location_id": "LOC1", "evse_uid": "3256"}"""
                .formatted(TOKEN));
        ObjectNode canonical = accepted(reservations.toCanonical(wire, FROM_PEER), ReserveNow.class);
        assertThat(canonical.get("reservation_id").asText()).isEqualTo("42");
        assertThat(normal(reservations.toWire(canonical))).isEqualTo(normal(wire));
        for (String notAnInt : List.of("ABC123", "042", "+42", "4294967296")) {
            assertThatThrownBy(() -> reservations.toWire(canonical.deepCopy().put("reservation_id", notAnInt)))
                    .isInstanceOf(UntranslatableException.class).hasMessageStartingWith("reservation_id: ");
        }
    }

    @Test
    void stopSessionAndUnlockConnectorAreTheSameIn211() {
        accepted(json("{\"response_url\": \"https://server.com/stop/1\", \"session_id\": \"101\"}"), StopSession.class);
        accepted(json("""
                {"response_url": "https://server.com/unlock/1", "location_id": "LOC1", "evse_uid": "3256", "connector_id": "1"}"""),
                UnlockConnector.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCEPTED", "REJECTED", "NOT_SUPPORTED", "UNKNOWN_SESSION", "TIMEOUT"})
    void theAnswerToACommandGetsTheResultTimeout(String result) {
        ObjectNode canonical = accepted(responses.toCanonical(json("{\"result\": \"" + result + "\"}"), FROM_PEER), CommandResponse.class);
        String expected = result.equals("TIMEOUT") ? "REJECTED" : result;
        assertThat(canonical).isEqualTo(json("{\"result\": \"" + expected + "\", \"timeout\": 60}"));
        ObjectNode withMessage = canonical.deepCopy();
        withMessage.set("message", json("{\"m\": [{\"language\": \"en\", \"text\": \"Ok\"}]}").get("m"));
        assertThat(responses.toWire(withMessage)).isEqualTo(json("{\"result\": \"" + expected + "\"}"));
    }

    @Test
    void resultsAreTheNearestOfTheOtherVersion() {
        Map<String, String> of211 = Map.of("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED", "NOT_SUPPORTED", "NOT_SUPPORTED",
                "TIMEOUT", "TIMEOUT", "UNKNOWN_SESSION", "REJECTED");
        of211.forEach((wire, canonical) -> assertThat(accepted(results.toCanonical(json("{\"result\": \"" + wire + "\"}"), FROM_PEER),
                CommandResult.class)).isEqualTo(json("{\"result\": \"" + canonical + "\"}")));
        Map<String, String> in211 = Map.of("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED", "NOT_SUPPORTED", "NOT_SUPPORTED",
                "TIMEOUT", "TIMEOUT", "EVSE_OCCUPIED", "REJECTED", "EVSE_INOPERATIVE", "REJECTED", "FAILED", "REJECTED",
                "UNKNOWN_RESERVATION", "REJECTED");
        in211.forEach((canonical, wire) -> assertThat(results.toWire(json("{\"result\": \"" + canonical + "\"}")))
                .isEqualTo(json("{\"result\": \"" + wire + "\"}")));
        assertThatThrownBy(() -> results.toWire(json("{\"result\": \"CANCELED_RESERVATION\"}")))
                .isInstanceOf(UntranslatableException.class).hasMessageStartingWith("result: ");
    }

    // --- canonical → 2.1.1 → canonical ------------------------------------------------------------------------------

    /** A canonical token as it comes back inside a 2.1.1 command: see the tokens form. */
    static void carriedToken(ObjectNode request) {
        ObjectNode token = (ObjectNode) request.get("token");
        for (String field : List.of("country_code", "party_id")) {
            token.put(field, token.get(field).asText().toUpperCase(Locale.ROOT));
        }
        List.of("group_id", "default_profile_type", "energy_contract").forEach(token::remove);
        if (Set.of("APP_USER", "AD_HOC_USER").contains(token.path("type").asText())) {
            token.put("type", "OTHER");
        }
        request.remove("authorization_reference");
    }

    private static WireForm.Parties fromIssuerOf(ObjectNode request) {
        return new WireForm.Parties(new Party(request.at("/token/country_code").asText(), request.at("/token/party_id").asText()),
                Spec211.OURS);
    }

    @Provide
    Arbitrary<ObjectNode> canonicalStarts() {
        return Spec211.canonical(StartSession.class);
    }

    @Provide
    Arbitrary<ObjectNode> canonicalReservations() {
        return Spec211.canonical(ReserveNow.class);
    }

    @Provide
    Arbitrary<ObjectNode> canonicalResults() {
        return Spec211.canonical(CommandResult.class);
    }

    @Property(tries = 200)
    void startSessionsKeepWhatTwoOneOneCarries(@ForAll("canonicalStarts") ObjectNode start) {
        ObjectNode back = accepted(starts.toCanonical(starts.toWire(start), fromIssuerOf(start)), StartSession.class);
        ObjectNode expected = start.deepCopy();
        carriedToken(expected);
        expected.remove("connector_id");
        assertThat(normal(back)).isEqualTo(normal(expected));
    }

    @Property(tries = 200)
    void reservationsKeepWhatTwoOneOneCarries(@ForAll("canonicalReservations") ObjectNode reservation) {
        String id = reservation.get("reservation_id").asText();
        if (!id.matches("0|-?[1-9][0-9]{0,8}")) {
            assertThatThrownBy(() -> reservations.toWire(reservation)).isInstanceOf(UntranslatableException.class)
                    .hasMessageStartingWith("reservation_id: ");
            return;
        }
        ObjectNode back = accepted(reservations.toCanonical(reservations.toWire(reservation), fromIssuerOf(reservation)), ReserveNow.class);
        ObjectNode expected = reservation.deepCopy();
        carriedToken(expected);
        assertThat(normal(back)).isEqualTo(normal(expected));
    }

    @Property(tries = 100)
    void resultsKeepWhatTwoOneOneCarries(@ForAll("canonicalResults") ObjectNode result) {
        String value = result.get("result").asText();
        if (value.equals("CANCELED_RESERVATION")) {
            assertThatThrownBy(() -> results.toWire(result)).isInstanceOf(UntranslatableException.class);
            return;
        }
        ObjectNode back = accepted(results.toCanonical(results.toWire(result), FROM_PEER), CommandResult.class);
        String expected = Set.of("ACCEPTED", "REJECTED", "NOT_SUPPORTED", "TIMEOUT").contains(value) ? value : "REJECTED";
        assertThat(back).isEqualTo(json("{\"result\": \"" + expected + "\"}"));
    }
}
