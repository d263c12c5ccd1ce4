package io.ocpi.adapter.versions.v230;

import static io.ocpi.adapter.support.Spec230.example;
import static io.ocpi.adapter.support.Spec230.json;
import static io.ocpi.adapter.versions.v230.Peer230.cpo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.FakePeer.Received;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mod_payments.asciidoc of 2.3.0 with a PTP that registered through the 2.3.0 handshake: our Receiver of its
 * Terminals and Financial Advice Confirmations, our calls to its Terminals Sender (update, assign, activate,
 * deactivate), and the refusals: unknown objects, missing fields, and the module reached by a platform that plays
 * no PTP.
 */
class Payments230Test {

    static Peer230 peer;
    static final String TERMINALS = cpo("payments/terminals");
    static final String CONFIRMATIONS = cpo("payments/financial-advice-confirmations");

    @BeforeAll
    static void start() {
        peer = Peer230.start("payments230");
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    static Reply asPtp(String method, String path, Object body) {
        return peer.call(method, path, body, Peer230.PEER_PTP, Peer230.OUR_CPO);
    }

    @Test
    void thePtpCreatesAndReplacesATerminalAndReadsItBack() {
        ObjectNode terminal = example("payment_terminal_create.json").put("terminal_id", "T-230");
        terminal.put("x_vendor", "read past");
        Reply created = asPtp("POST", TERMINALS, terminal);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        terminal.remove("x_vendor");
        terminal.putArray("location_ids").add("LOC1");
        terminal.put("last_updated", "2030-01-01T00:00:00Z");
        assertThat(asPtp("POST", TERMINALS, terminal).status()).isEqualTo(200);
        assertThat(asPtp("GET", TERMINALS + "/T-230", null).assertStatus(200).data()).isEqualTo(terminal);
    }

    @Test
    void thePtpSendsAConfirmationAndReadsItBack() {
        ObjectNode confirmation = example("payment_financial_advice_confirmation_example_failure.json").put("id", "FAC-230");
        asPtp("POST", CONFIRMATIONS, confirmation).assertStatus(201);
        assertThat(asPtp("GET", CONFIRMATIONS + "/FAC-230", null).assertStatus(200).data()).isEqualTo(confirmation);
    }

    @Test
    void unknownObjectsAreNotFoundAndInvalidOnesRefusedNamingTheField() {
        for (String path : new String[] {TERMINALS + "/NONE", CONFIRMATIONS + "/NONE"}) {
            Reply unknown = asPtp("GET", path, null);
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.ocpiStatus()).as(path).isEqualTo(2000);
        }
        Reply noId = asPtp("POST", TERMINALS, "{\"customer_reference\":\"X\"}");
        assertThat(noId.ocpiStatus()).isEqualTo(2001);
        assertThat(noId.json().get("status_message").asText()).isEqualTo("terminal_id: must not be null");
        ObjectNode noCosts = example("payment_financial_advice_confirmation_create.json").put("id", "FAC-BAD");
        noCosts.remove("total_costs");
        Reply missing = asPtp("POST", CONFIRMATIONS, noCosts);
        assertThat(missing.ocpiStatus()).isEqualTo(2001);
        assertThat(missing.json().get("status_message").asText()).isEqualTo("total_costs: must not be null");
    }

    @Test
    void aPlatformThatPlaysNoPtpMayNotUseTheModule() {
        try (FakePeer other = new FakePeer()) {
            Peer230.offer230(other);
            String credentials = "{\"token\":\"no-ptp-b\",\"url\":\"" + other.url("/versions") + "\",\"roles\":[{\"role\":\"EMSP\","
                    + "\"business_details\":{\"name\":\"Just an eMSP\"},\"party_id\":\"JAE\",\"country_code\":\"BE\"}]}";
            String token = peer.adapter.ocpi("POST", "/ocpi/2.3.0/credentials", peer.adapter.invite("no-ptp"), credentials)
                    .assertStatus(200).data().get("token").asText();
            Reply terminal = peer.callWith(token, "POST", TERMINALS, "{\"terminal_id\":\"T-EMSP\"}");
            assertThat(terminal.status()).isEqualTo(403);
            assertThat(terminal.json().get("status_message").asText()).contains("only a PTP");
            assertThat(peer.callWith(token, "GET", CONFIRMATIONS + "/FAC-230", null).status()).isEqualTo(403);
        }
        Reply asItsEmsp = peer.call("POST", TERMINALS, "{\"terminal_id\":\"T-PMS\"}", Peer230.PEER_EMSP, Peer230.OUR_CPO);
        assertThat(asItsEmsp.status()).as("the peer's eMSP is no PTP: " + asItsEmsp.body()).isEqualTo(403);
    }

    @Test
    void weDeactivateATerminalAtThePtpAndItsRefusalFailsTheCall() {
        String path = Peer230.peerPath("payments", "SENDER") + "/terminals/T-230/deactivate";
        peer.answer(path, "null");
        peer.input("ocpi.payments.terminals.deactivate", null, Map.of("OcpiCountryCode", "NL", "OcpiPartyId", "PTP", "OcpiObjectId", "T-230"));
        Received post = peer.awaitReceived("POST", path);
        assertThat(post.body()).isEmpty();
        assertThat(post.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(post.header("OCPI-to-party-id")).isEqualTo("PTP");

        String unknown = Peer230.peerPath("payments", "SENDER") + "/terminals/T-UNKNOWN";
        peer.server.on(unknown, request -> new Answer(404, "{\"status_code\":2000,\"status_message\":\"unknown terminal\","
                + "\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of()));
        assertThatThrownBy(() -> peer.input("ocpi.payments.terminals.assign", "{\"location_ids\":[\"LOC1\"]}",
                Map.of("OcpiCountryCode", "NL", "OcpiPartyId", "PTP", "OcpiObjectId", "T-UNKNOWN")))
                .hasMessageContaining("404").hasMessageContaining("2000");
        assertThat(json(peer.awaitReceived("PATCH", unknown).body()).get("location_ids").get(0).asText()).isEqualTo("LOC1");
    }
}
