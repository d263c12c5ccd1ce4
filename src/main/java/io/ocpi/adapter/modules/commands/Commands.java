package io.ocpi.adapter.modules.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.modules.sessions.OurSessions;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.DisplayText;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiResult;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.protocol.client.PeerCalls;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.store.AsyncRequest;
import io.ocpi.adapter.store.AsyncRequest.Direction;
import io.ocpi.adapter.store.AsyncRequest.Status;
import io.ocpi.adapter.store.AsyncRequests;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Remote commands in both roles (mod_commands).
 *
 * <p>As a CPO we receive them: each is checked, recorded and announced on {@code direct:ocpi.commands.requested} for
 * the route that passes it to the charge point; the peer gets a CommandResponse at once. The outcome comes back on
 * {@code direct:ocpi.commands.respond} and is posted to the peer's response URL; one that does not come in time is
 * concluded with TIMEOUT. With no route listening nothing can reach a charge point, and commands are NOT_SUPPORTED.
 *
 * <p>As an eMSP we send them ({@code direct:ocpi.commands.send}) with a response URL of ours; the outcome the CPO posts
 * there is recorded and announced on {@code direct:ocpi.commands.result}.
 */
@Component
public class Commands {

    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);
    public static final String REQUEST_ID = "OcpiRequestId";
    public static final String COMMAND = "OcpiCommand";

    private final AsyncRequests requests;
    private final OwnedObjects objects;
    private final OcpiBodies bodies;
    private final ObjectMapper json;
    private final Platform platform;
    private final OcpiEvents events;
    private final PeerRepository peers;
    private final PeerCalls calls;
    private final OcpiUrls urls;
    private final OcpiProperties properties;
    private final OurSessions sessions;

    public Commands(AsyncRequests requests, OwnedObjects objects, OcpiBodies bodies, ObjectMapper json, Platform platform,
                    OcpiEvents events, PeerRepository peers, PeerCalls calls, OcpiUrls urls, OcpiProperties properties,
                    OurSessions sessions) {
        this.sessions = sessions;
        this.requests = requests;
        this.objects = objects;
        this.bodies = bodies;
        this.json = json;
        this.platform = platform;
        this.events = events;
        this.peers = peers;
        this.calls = calls;
        this.urls = urls;
        this.properties = properties;
    }

    // --- Received (we are the CPO) -----------------------------------------------------------------------------

    /** @param routing from the party that sent the command (when it said) to our CPO that takes it */
    public OcpiResult receive(Caller caller, RoutingHeaders routing, String commandName, byte[] body) {
        CommandType type = type(commandName);
        CommandRequest command = bodies.read(body, type.requestType());
        if (command instanceof StartSession start && start.connectorId() != null && start.evseUid() == null) {
            throw OcpiException.invalid("evse_uid: required when connector_id is given");
        }
        Token token = tokenOf(command);
        if (token != null) {
            // A driver's token belongs to one eMSP: a peer starts or reserves only with tokens of its own parties.
            platform.requireOwner(caller, Party.of(token));
        }
        String locationId = locationOf(command);
        if (locationId != null && objects.findOurs(ModuleId.LOCATIONS, platform.parties(Role.CPO), locationId, "").isEmpty()) {
            return OcpiResult.refused(OcpiStatus.UNKNOWN_LOCATION, "unknown location " + locationId,
                    response(CommandResponseType.REJECTED, "Unknown location " + locationId));
        }
        Party sessionEmsp = null;
        if (command instanceof StopSession stop) {
            sessionEmsp = sessions.emspFor(caller, stop.sessionId()).orElse(null);
            if (sessionEmsp == null) {
                return OcpiResult.ok(response(CommandResponseType.UNKNOWN_SESSION, "Unknown session " + stop.sessionId()));
            }
        }

        // The result goes back to the eMSP that sent the command: the one it named, else the one whose driver or
        // session it concerns, else the caller's eMSP.
        Party sender = routing.from() != null ? routing.from()
                : token != null ? Party.of(token)
                : sessionEmsp != null ? sessionEmsp
                : platform.partyOf(caller, Role.EMSP);
        String requestText = objects.write(command);
        String id = requests.create(ModuleId.COMMANDS, Direction.RECEIVED, type.name(), caller.peer().id(), requestText,
                command.responseUrl(), new RoutingHeaders(sender, routing.to()));
        Object answer = events.announce(ModuleId.COMMANDS, "requested", requestText, Map.of(
                REQUEST_ID, id, COMMAND, type.name(), OcpiEvents.PEER, caller.peer().name()));
        CommandResponse response = answer == null
                ? response(CommandResponseType.NOT_SUPPORTED, "No charge point system is connected for remote commands")
                : responseFrom(OcpiEvents.answer(answer, json));
        requests.answered(id, objects.write(response), response.result() == CommandResponseType.ACCEPTED, response.timeout());
        return OcpiResult.ok(response);
    }

    /** The charge point's outcome of a command we received: posted to the peer's response URL, once. */
    public void respond(String requestId, byte[] resultBody) {
        AsyncRequest request = requests.find(requestId)
                .filter(r -> r.direction() == Direction.RECEIVED && ModuleId.COMMANDS.equals(r.module()))
                .orElseThrow(() -> new IllegalArgumentException("no command received with request id " + requestId));
        CommandResult result = resultFrom(OcpiEvents.answer(resultBody, json));
        deliver(request, result, Status.CONCLUDED);
    }

    /** Concludes commands whose outcome is overdue with TIMEOUT, as the eMSP was told to expect. */
    public int concludeOverdue() {
        List<AsyncRequest> overdue = requests.overdue(ModuleId.COMMANDS, Instant.now());
        for (AsyncRequest request : overdue) {
            try {
                deliver(request, new CommandResult(CommandResultType.TIMEOUT,
                        List.of(new DisplayText("en", "The charge point did not answer in time"))), Status.TIMED_OUT);
            } catch (RuntimeException e) {
                LOG.warn("could not report the timeout of command {} to its peer: {}", request.id(), e.getMessage());
            }
        }
        return overdue.size();
    }

    private void deliver(AsyncRequest request, CommandResult result, Status status) {
        Peer peer = peers.find(request.peerId()).orElseThrow();
        String text = objects.write(result);
        if (!requests.concluded(request.id(), text, status)) {
            throw new IllegalStateException("command " + request.id() + " was already concluded");
        }
        calls.send(peer, "POST", request.responseUrl(), result, request.routing().to(), request.routing().from(), null);
    }

    // --- Sent (we are the eMSP) --------------------------------------------------------------------------------

    /**
     * Sends a command to the CPO that runs {@code target}: the body is the command without {@code response_url},
     * which is ours to set. Returns the CPO's CommandResponse and the id under which its result will be announced.
     */
    public Sent send(CommandType type, Party target, byte[] body) {
        Peer peer = peers.findRegistered(target).orElseThrow(() -> new IllegalArgumentException("no registered peer plays " + target));
        String endpoint = peer.endpoint(ModuleId.COMMANDS, InterfaceRole.RECEIVER)
                .orElseThrow(() -> new IllegalArgumentException("peer " + peer.name() + " serves no commands receiver"));
        ObjectNode command = bodies.readObject(body);
        String id = requests.create(ModuleId.COMMANDS, Direction.SENT, type.name(), peer.id(), command.toString(), null,
                new RoutingHeaders(platform.party(Role.EMSP), target));
        command.put("response_url", urls.of(CommandsRoutes.SENDER + "/" + type.name() + "/" + id));
        CommandResponse response;
        try {
            CommandRequest valid = bodies.convert(command, type.requestType());
            response = calls.send(peer, "POST", PeerCalls.join(endpoint, type.name()), valid,
                    platform.party(Role.EMSP), target, CommandResponse.class).data();
            if (response == null) {
                throw new IllegalStateException("peer " + peer.name() + " answered the command without a CommandResponse");
            }
        } catch (RuntimeException e) {
            requests.answered(id, null, Status.REFUSED, null);
            throw e;
        }
        requests.answered(id, objects.write(response), response.result() == CommandResponseType.ACCEPTED, response.timeout());
        return new Sent(id, response);
    }

    /** What sending a command gave: our request id and the CPO's immediate answer. */
    public record Sent(String requestId, CommandResponse response) {
    }

    /** A CPO posts the outcome of a command we sent to our response URL. */
    public OcpiResult resultReceived(Caller caller, String commandName, String requestId, byte[] body) {
        CommandResult result = bodies.read(body, CommandResult.class);
        AsyncRequest request = requests.find(requestId)
                .filter(r -> r.direction() == Direction.SENT && r.operation().equals(type(commandName).name()))
                .filter(r -> r.peerId() == caller.peer().id())
                .orElseThrow(() -> OcpiException.notFound("unknown command " + commandName + "/" + requestId));
        String text = objects.write(result);
        // A result after a TIMEOUT still counts: the charge point did act. Only a second result is ignored.
        if (requests.concluded(requestId, text, Status.CONCLUDED) || request.status() == Status.TIMED_OUT) {
            events.announce(ModuleId.COMMANDS, "result", text, Map.of(REQUEST_ID, requestId, COMMAND, request.operation(),
                    OcpiEvents.PEER, caller.peer().name()));
        }
        return OcpiResult.ok(null);
    }

    // --- Shared ------------------------------------------------------------------------------------------------

    private CommandResponse response(CommandResponseType type, String message) {
        return new CommandResponse(type, (int) properties.resultTimeout().toSeconds(), List.of(new DisplayText("en", message)));
    }

    private CommandResponse responseFrom(JsonNode answer) {
        if (answer == null || answer.isTextual()) {
            CommandResponseType type = answer == null ? CommandResponseType.ACCEPTED : CommandResponseType.valueOf(answer.asText());
            return new CommandResponse(type, (int) properties.resultTimeout().toSeconds(), null);
        }
        ObjectNode response = ((ObjectNode) answer).deepCopy();
        if (!response.has("timeout")) {
            response.put("timeout", properties.resultTimeout().toSeconds());
        }
        return bodies.convert(response, CommandResponse.class);
    }

    private CommandResult resultFrom(JsonNode answer) {
        if (answer == null) {
            throw new IllegalArgumentException("a command result needs a body: a CommandResult or a CommandResultType name");
        }
        if (answer.isTextual()) {
            return new CommandResult(CommandResultType.valueOf(answer.asText()), null);
        }
        return bodies.convert(answer, CommandResult.class);
    }

    private static Token tokenOf(CommandRequest command) {
        if (command instanceof StartSession start) {
            return start.token();
        }
        if (command instanceof ReserveNow reserve) {
            return reserve.token();
        }
        return null;
    }

    private static String locationOf(CommandRequest command) {
        if (command instanceof StartSession start) {
            return start.locationId();
        }
        if (command instanceof ReserveNow reserve) {
            return reserve.locationId();
        }
        if (command instanceof UnlockConnector unlock) {
            return unlock.locationId();
        }
        return null;
    }

    static CommandType type(String name) {
        try {
            return CommandType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw OcpiException.notFound("unknown command '" + name + "', expected one of " + Arrays.toString(CommandType.values()));
        }
    }
}
