package io.ocpi.adapter.modules.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.client.PeerCalls;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import org.springframework.stereotype.Component;

/**
 * Our calls, as a CPO, to the Terminals interface of a PTP's payments Sender: updating a terminal (PUT), assigning
 * our locations and EVSEs to it (PATCH), asking the PTP to activate a terminal (after which it creates the terminal in
 * our Receiver) and to deactivate one. Each body is checked as a Terminal before it goes, and goes as it was given;
 * each call answers the PTP's response data, if any. A PTP that refuses fails the call with its answer.
 */
@Component
public class PtpTerminals {

    private final PeerRepository peers;
    private final PeerCalls calls;
    private final OcpiBodies bodies;
    private final Platform platform;

    public PtpTerminals(PeerRepository peers, PeerCalls calls, OcpiBodies bodies, Platform platform) {
        this.peers = peers;
        this.calls = calls;
        this.bodies = bodies;
        this.platform = platform;
    }

    /** PUT of a terminal's data, e.g. its customer reference or invoice URL. */
    JsonNode update(Party ptp, String terminalId, byte[] body) {
        return send(ptp, "PUT", terminal(terminalId), checked(terminalId, bodies.readObject(body)));
    }

    /** PATCH assigning locations ({@code location_ids}) and EVSEs ({@code evse_uids}) to a terminal. */
    JsonNode assign(Party ptp, String terminalId, byte[] body) {
        return send(ptp, "PATCH", terminal(terminalId), checked(terminalId, bodies.readObject(body)));
    }

    /** POST to {@code activate}: a terminal whose id the PTP is still to choose, so {@code terminal_id} may be left out. */
    JsonNode activate(Party ptp, byte[] body) {
        ObjectNode terminal = bodies.readObject(body);
        String terminalId = terminal.hasNonNull("terminal_id") ? terminal.get("terminal_id").asText() : "";
        return send(ptp, "POST", "terminals/activate", checked(terminalId, terminal));
    }

    /** POST to {@code {terminal_id}/deactivate}, without a body. */
    JsonNode deactivate(Party ptp, String terminalId) {
        checked(terminalId, JsonNodeFactory.instance.objectNode());
        return send(ptp, "POST", terminal(terminalId) + "/deactivate", null);
    }

    /** The body, after it is checked as a Terminal of that id: a body that names a terminal names the same. */
    private ObjectNode checked(String terminalId, ObjectNode body) {
        if (body.hasNonNull("terminal_id")) {
            OwnedObjects.requireSame("terminal_id", terminalId, body.get("terminal_id").asText());
        }
        ObjectNode asTerminal = body.deepCopy();
        asTerminal.put("terminal_id", terminalId);
        bodies.convert(asTerminal, Terminal.class);
        return body;
    }

    private static String terminal(String terminalId) {
        return "terminals/" + OcpiUrls.segment(terminalId);
    }

    private JsonNode send(Party ptp, String method, String path, ObjectNode body) {
        Peer peer = peers.findRegistered(ptp).orElseThrow(() -> new IllegalArgumentException("no registered peer plays " + ptp));
        String payments = peer.endpoint(ModuleId.PAYMENTS, InterfaceRole.SENDER)
                .orElseThrow(() -> new IllegalArgumentException("peer " + peer.name() + " serves no payments Sender"));
        return calls.send(peer, method, PeerCalls.join(payments, path), body, platform.party(Role.CPO), ptp, JsonNode.class).data();
    }
}
