package io.ocpi.adapter.modules.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.asyncrequests.AsyncRequestCycle;
import io.ocpi.adapter.modules.asyncrequests.AsyncRequestCycle.PeerRequest;
import io.ocpi.adapter.modules.asyncrequests.AsyncRequestCycle.Sent;
import io.ocpi.adapter.modules.asyncrequests.AsyncRequestKind;
import io.ocpi.adapter.modules.sessions.OurSessions;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.DisplayText;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiResult;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.protocol.client.PeerCalls;
import io.ocpi.adapter.protocol.RequestBody;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * there is recorded and announced on {@code direct:ocpi.commands.result}. Both go through {@link AsyncRequestCycle}.
 */
@Component
public class Commands {

    public static final String COMMAND = "OcpiCommand";

    static final AsyncRequestKind<CommandResponse> REQUESTS = new AsyncRequestKind<>(ModuleId.COMMANDS, "command", COMMAND,
            CommandResponse.class,
            (result, timeout) -> new CommandResponse(CommandResponseType.valueOf(result), timeout, null),
            timeout -> new CommandResponse(CommandResponseType.NOT_SUPPORTED, timeout,
                    List.of(new DisplayText("en", "No charge point system is connected for remote commands"))),
            operation -> CommandResult.class,
            (operation, requestId) -> CommandsRoutes.SENDER + "/" + operation + "/" + requestId);

    private final AsyncRequestCycle cycle;
    private final OwnedObjects objects;
    private final OcpiBodies bodies;
    private final Platform platform;
    private final OurSessions sessions;

    public Commands(AsyncRequestCycle cycle, OwnedObjects objects, OcpiBodies bodies, Platform platform, OurSessions sessions) {
        this.cycle = cycle;
        this.objects = objects;
        this.bodies = bodies;
        this.platform = platform;
        this.sessions = sessions;
    }

    // --- Received (we are the CPO) -----------------------------------------------------------------------------

    /** @param routing from the party that sent the command (when it said) to our CPO that takes it */
    public OcpiResult receive(Caller caller, RoutingHeaders routing, String commandName, RequestBody body) {
        CommandType type = type(commandName, body.readAs());
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
        return OcpiResult.ok(cycle.received(REQUESTS, caller, type.name(), objects.write(command), command.responseUrl(),
                new RoutingHeaders(sender, routing.to()), Map.of()));
    }

    /** The charge point's outcome of a command we received: posted to the peer's response URL, once. */
    public void respond(String requestId, byte[] resultBody) {
        cycle.respond(REQUESTS, requestId, resultBody);
    }

    /** Concludes commands whose outcome is overdue with TIMEOUT, as the eMSP was told to expect. */
    public int concludeOverdue() {
        return cycle.concludeOverdue(REQUESTS, new CommandResult(CommandResultType.TIMEOUT,
                List.of(new DisplayText("en", "The charge point did not answer in time"))));
    }

    // --- Sent (we are the eMSP) --------------------------------------------------------------------------------

    /**
     * Sends a command to the CPO that runs {@code target}: the body is the command without {@code response_url},
     * which is ours to set. Returns the CPO's CommandResponse and the id under which its result will be announced.
     */
    public Sent<CommandResponse> send(CommandType type, Party target, byte[] body) {
        ObjectNode command = bodies.readObject(body);
        return cycle.send(REQUESTS, type.name(), target, command.toString(), (endpoint, responseUrl) -> {
            // Our response URL is in the version spoken with the CPO.
            OcpiUrls.version(responseUrl).filter(version -> !type.in(version)).ifPresent(version -> {
                throw new IllegalArgumentException(type + " is no command of OCPI " + version + ", which " + target + " speaks");
            });
            command.put("response_url", responseUrl);
            return new PeerRequest("POST", PeerCalls.join(endpoint, type.name()), bodies.convert(command, type.requestType()));
        });
    }

    /** A CPO posts the outcome of a command we sent to our response URL. */
    public OcpiResult resultReceived(Caller caller, String commandName, String requestId, RequestBody body) {
        CommandResult result = bodies.read(body, CommandResult.class);
        return cycle.resultReceived(REQUESTS, caller, cycle.sentTo(REQUESTS, caller, requestId, type(commandName).name()), result);
    }

    // --- Shared ------------------------------------------------------------------------------------------------

    private CommandResponse response(CommandResponseType type, String message) {
        return new CommandResponse(type, cycle.resultTimeout(), List.of(new DisplayText("en", message)));
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

    /** A command received at a path of {@code version}, which must have it. */
    static CommandType type(String name, VersionNumber version) {
        CommandType type = type(name);
        if (!type.in(version)) {
            throw OcpiException.notFound("unknown command '" + name + "' in OCPI " + version + ", expected one of "
                    + Arrays.stream(CommandType.values()).filter(known -> known.in(version)).toList());
        }
        return type;
    }
}
