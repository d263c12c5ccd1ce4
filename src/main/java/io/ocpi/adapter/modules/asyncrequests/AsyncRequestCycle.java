package io.ocpi.adapter.modules.asyncrequests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiResult;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.protocol.WireForms;
import io.ocpi.adapter.protocol.client.PeerCalls;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.store.AsyncRequest;
import io.ocpi.adapter.store.AsyncRequest.Direction;
import io.ocpi.adapter.store.AsyncRequest.Status;
import io.ocpi.adapter.store.AsyncRequests;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The cycle of a request answered at once and concluded later at a response URL, which commands and charging-profile
 * requests share; each module says what its requests are ({@link AsyncRequestKind}) and checks them itself.
 *
 * <p>Received (we are the CPO): the request is recorded and announced on {@code direct:ocpi.<module>.requested}; the
 * listening route's answer, or NOT_SUPPORTED when none listens, is the immediate answer. The result is posted to the
 * requester's response URL, from the party asked to the party that asked.
 *
 * <p>Sent (we are the eMSP): the request goes out with a response URL of ours; the result the peer posts there is
 * recorded and announced on {@code direct:ocpi.<module>.result}.
 */
@Component
public class AsyncRequestCycle {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncRequestCycle.class);
    /** The header that carries our id of a request on every announcement and input of the cycle. */
    public static final String REQUEST_ID = "OcpiRequestId";

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

    public AsyncRequestCycle(AsyncRequests requests, OwnedObjects objects, OcpiBodies bodies, ObjectMapper json, Platform platform,
                             OcpiEvents events, PeerRepository peers, PeerCalls calls, OcpiUrls urls, OcpiProperties properties) {
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

    /** The seconds a requester is told to wait for a result, unless the route that took the request says otherwise. */
    public int resultTimeout() {
        return (int) properties.resultTimeout().toSeconds();
    }

    // --- Received (we are the CPO) -----------------------------------------------------------------------------

    /**
     * Records a request a peer sent, checked by its module, and announces it; returns the immediate answer.
     *
     * @param routing from the party the result goes back to, to our party that takes the request
     * @param headers what the module adds to the announcement, besides the request id, operation and peer
     */
    public <R extends AsyncResponse> R received(AsyncRequestKind<R> kind, Caller caller, String operation, String request,
                                                String responseUrl, RoutingHeaders routing, Map<String, Object> headers) {
        String id = requests.create(kind.module(), Direction.RECEIVED, operation, caller.peer().id(), request, responseUrl, routing);
        Map<String, Object> announced = new HashMap<>(headers);
        announced.put(REQUEST_ID, id);
        announced.put(kind.operationHeader(), operation);
        Object answer = events.announce(kind.module(), "requested", request, OcpiEvents.about(caller.peer(), announced));
        R response = answer == null ? kind.notSupported().apply(resultTimeout()) : responseFrom(kind, OcpiEvents.answer(answer, json));
        requests.answered(id, objects.write(response), response.accepted(), response.timeout());
        return response;
    }

    /**
     * The result of a request we received, from the route that took it: a result object, or its result type's name.
     * Posted to the requester's response URL, once.
     */
    public void respond(AsyncRequestKind<?> kind, String requestId, byte[] resultBody) {
        AsyncRequest request = requests.find(requestId)
                .filter(r -> r.direction() == Direction.RECEIVED && kind.module().equals(r.module()))
                .orElseThrow(() -> new IllegalArgumentException("no " + kind.what() + " received with request id " + requestId));
        JsonNode answer = OcpiEvents.answer(resultBody, json);
        if (answer == null) {
            throw new IllegalArgumentException("the result of a " + kind.what() + " needs a body: a result object or its result type's name");
        }
        JsonNode result = answer.isTextual() ? json.createObjectNode().put("result", answer.asText()) : answer;
        conclude(kind, request, bodies.convert(result, kind.resultType().apply(request.operation())), Status.CONCLUDED);
    }

    /** Concludes the received requests whose result is overdue with {@code timedOut}, as their requesters were told to expect. */
    public int concludeOverdue(AsyncRequestKind<?> kind, Object timedOut) {
        List<AsyncRequest> overdue = requests.overdue(kind.module(), Instant.now());
        for (AsyncRequest request : overdue) {
            try {
                conclude(kind, request, timedOut, Status.TIMED_OUT);
            } catch (RuntimeException e) {
                LOG.warn("could not report the timeout of {} {} to its peer: {}", kind.what(), request.id(), e.getMessage());
            }
        }
        return overdue.size();
    }

    private void conclude(AsyncRequestKind<?> kind, AsyncRequest request, Object result, Status status) {
        Peer peer = peers.find(request.peerId()).orElseThrow();
        if (!requests.concluded(request.id(), objects.write(result), status)) {
            throw new IllegalStateException(kind.what() + " " + request.id() + " was already concluded");
        }
        calls.send(peer, "POST", request.responseUrl(), result, request.routing().to(), request.routing().from(), null);
    }

    private <R extends AsyncResponse> R responseFrom(AsyncRequestKind<R> kind, JsonNode answer) {
        if (answer == null || answer.isTextual()) {
            return kind.named().apply(answer == null ? "ACCEPTED" : answer.asText(), resultTimeout());
        }
        ObjectNode response = ((ObjectNode) answer).deepCopy();
        if (!response.has("timeout")) {
            response.put("timeout", resultTimeout());
        }
        return bodies.convert(response, kind.responseType());
    }

    // --- Sent (we are the eMSP) --------------------------------------------------------------------------------

    /** What we send the peer for a request, given its endpoint of the module's Receiver and our response URL. */
    @FunctionalInterface
    public interface Asking {
        PeerRequest to(String endpoint, String responseUrl);
    }

    /** One call to a peer: {@code body} is null for none. */
    public record PeerRequest(String method, String url, Object body) {
    }

    /** What sending a request gave: our request id, under which its result will be announced, and the peer's answer. */
    public record Sent<R>(String requestId, R response) {
    }

    /**
     * Sends a request to the peer that plays {@code target} and records it with its immediate answer.
     *
     * @param request the request as recorded
     */
    public <R extends AsyncResponse> Sent<R> send(AsyncRequestKind<R> kind, String operation, Party target, String request, Asking asking) {
        Peer peer = peers.findRegistered(target).orElseThrow(() -> new IllegalArgumentException("no registered peer plays " + target));
        String endpoint = peer.endpoint(kind.module(), InterfaceRole.RECEIVER)
                .orElseThrow(() -> new IllegalArgumentException("peer " + peer.name() + " serves no " + kind.module() + " receiver"));
        Party ours = platform.party(Role.EMSP);
        String id = requests.create(kind.module(), Direction.SENT, operation, peer.id(), request, null, new RoutingHeaders(ours, target));
        R response;
        try {
            // The URL of the result is ours in the version spoken with the peer.
            PeerRequest call = asking.to(endpoint, urls.of(OcpiUrls.in(peer.ocpiVersion(), kind.resultPath().apply(operation, id))));
            response = calls.send(peer, call.method(), call.url(), call.body(), ours, target, kind.responseType()).data();
            if (response == null) {
                throw new IllegalStateException("peer " + peer.name() + " answered the " + kind.what() + " without a "
                        + kind.responseType().getSimpleName());
            }
        } catch (RuntimeException e) {
            requests.answered(id, null, Status.REFUSED, null);
            throw e;
        }
        requests.answered(id, objects.write(response), response.accepted(), response.timeout());
        return new Sent<>(id, response);
    }

    /**
     * The request we sent the caller under {@code requestId}, whose result it posts to our response URL.
     *
     * @param operation the operation the response URL names, or null when it names none
     */
    public AsyncRequest sentTo(AsyncRequestKind<?> kind, Caller caller, String requestId, String operation) {
        return requests.find(requestId)
                .filter(r -> r.direction() == Direction.SENT && kind.module().equals(r.module()))
                .filter(r -> operation == null || r.operation().equals(operation))
                .filter(r -> r.peerId() == caller.peer().id())
                .orElseThrow(() -> OcpiException.notFound("unknown " + kind.what() + " " + (operation == null ? "" : operation + "/") + requestId));
    }

    /** Records the result the caller posted for {@code request}, and announces it once. */
    public OcpiResult resultReceived(AsyncRequestKind<?> kind, Caller caller, AsyncRequest request, Object result) {
        String text = objects.write(result);
        // A result after a timeout still counts: the charge point did act. Only a second result is ignored.
        if (requests.concluded(request.id(), text, Status.CONCLUDED) || request.status() == Status.TIMED_OUT) {
            events.announce(kind.module(), "result", text, OcpiEvents.about(caller.peer(),
                    Map.of(REQUEST_ID, request.id(), kind.operationHeader(), request.operation())));
        }
        return OcpiResult.ok(null);
    }
}
