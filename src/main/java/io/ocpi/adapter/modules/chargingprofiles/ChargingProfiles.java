package io.ocpi.adapter.modules.chargingprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.modules.sessions.OurSessions;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.ModuleId;
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
import io.ocpi.adapter.protocol.client.PeerCalls;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.store.AsyncRequest;
import io.ocpi.adapter.store.AsyncRequest.Direction;
import io.ocpi.adapter.store.AsyncRequest.Status;
import io.ocpi.adapter.store.AsyncRequests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Smart charging in both roles (mod_charging_profiles).
 *
 * <p>As a CPO we receive requests on our sessions (get the active profile, set one, clear it): each is recorded and
 * announced on {@code direct:ocpi.chargingprofiles.requested}; the peer gets a ChargingProfileResponse at once and the
 * result, handed to {@code direct:ocpi.chargingprofiles.respond}, is posted to its response URL. Profile changes the
 * charge point reports go to the eMSP through {@code direct:ocpi.chargingprofiles.push-active}.
 *
 * <p>As an eMSP we send such requests ({@code direct:ocpi.chargingprofiles.send}); their results, and the active
 * profiles CPOs push to us, are announced on {@code direct:ocpi.chargingprofiles.result} and {@code .active}.
 */
@Component
public class ChargingProfiles {

    /** The three requests, named after what they ask. */
    public enum Operation {
        GET_ACTIVE(ActiveChargingProfileResult.class), SET(ChargingProfileResult.class), CLEAR(ClearProfileResult.class);

        private final Class<?> resultType;

        Operation(Class<?> resultType) {
            this.resultType = resultType;
        }

        public Class<?> resultType() {
            return resultType;
        }
    }

    public static final String REQUEST_ID = "OcpiRequestId";
    public static final String OPERATION = "OcpiOperation";
    public static final String DURATION = "OcpiDuration";

    private final AsyncRequests requests;
    private final OwnedObjects objects;
    private final OcpiBodies bodies;
    private final ObjectMapper json;
    private final Platform platform;
    private final OcpiEvents events;
    private final PeerRepository peers;
    private final PeerCalls calls;
    private final OcpiUrls urls;
    private final OurSessions sessions;
    private final OcpiProperties properties;

    public ChargingProfiles(AsyncRequests requests, OwnedObjects objects, OcpiBodies bodies, ObjectMapper json, Platform platform,
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

    /**
     * @param request what was asked: for SET the SetChargingProfile, for GET_ACTIVE {@code {"duration": n}}, for CLEAR
     *                nothing but the response URL
     */
    public OcpiResult receive(Caller caller, RoutingHeaders routing, Operation operation, String sessionId, ObjectNode request,
                              String responseUrl) {
        if (responseUrl == null || responseUrl.isBlank()) {
            throw OcpiException.invalid("response_url: missing");
        }
        if (responseUrl.length() > 255 || !responseUrl.matches("https?://.+")) {
            throw OcpiException.invalid("response_url: must be an http(s) URL of at most 255 characters");
        }
        Party sessionEmsp = sessions.emspFor(caller, sessionId).orElse(null);
        if (sessionEmsp == null) {
            return OcpiResult.ok(response(ChargingProfileResponseType.UNKNOWN_SESSION));
        }
        String text = request.toString();
        // The result goes back to the party that asked: the one it named, else the eMSP whose session it is.
        String id = requests.create(ModuleId.CHARGING_PROFILES, Direction.RECEIVED, operation.name(), caller.peer().id(), text, responseUrl,
                new RoutingHeaders(routing.from() != null ? routing.from() : sessionEmsp, routing.to()));
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(REQUEST_ID, id);
        headers.put(OPERATION, operation.name());
        headers.put(OcpiEvents.OBJECT_ID, sessionId);
        headers.put(OcpiEvents.PEER, caller.peer().name());
        if (request.has("duration")) {
            headers.put(DURATION, request.get("duration").asInt());
        }
        Object answer = events.announce(ModuleId.CHARGING_PROFILES, "requested", text, headers);
        ChargingProfileResponse response = answer == null
                ? response(ChargingProfileResponseType.NOT_SUPPORTED)
                : responseFrom(OcpiEvents.answer(answer, json));
        requests.answered(id, objects.write(response), response.result() == ChargingProfileResponseType.ACCEPTED, response.timeout());
        return OcpiResult.ok(response);
    }

    /** The charge point's result of a request we received: posted to the peer's response URL, once. */
    public void respond(String requestId, byte[] resultBody) {
        AsyncRequest request = requests.find(requestId)
                .filter(r -> r.direction() == Direction.RECEIVED && ModuleId.CHARGING_PROFILES.equals(r.module()))
                .orElseThrow(() -> new IllegalArgumentException("no charging profile request received with id " + requestId));
        JsonNode answer = OcpiEvents.answer(resultBody, json);
        if (answer == null) {
            throw new IllegalArgumentException("a charging profile result needs a body");
        }
        ObjectNode resultTree = answer.isTextual() ? json.createObjectNode().put("result", answer.asText()) : (ObjectNode) answer;
        Object result = bodies.convert(resultTree, Operation.valueOf(request.operation()).resultType());
        if (!requests.concluded(requestId, objects.write(result), Status.CONCLUDED)) {
            throw new IllegalStateException("charging profile request " + requestId + " was already concluded");
        }
        Peer peer = peers.find(request.peerId()).orElseThrow();
        calls.send(peer, "POST", request.responseUrl(), result, request.routing().to(), request.routing().from(), null);
    }

    /** Tells the eMSP of one of our sessions that its active charging profile changed. */
    public void pushActive(String sessionId, byte[] body) {
        ActiveChargingProfile profile = bodies.read(body, ActiveChargingProfile.class);
        JsonNode session = objects.findOurs(ModuleId.SESSIONS, platform.parties(Role.CPO), sessionId, "")
                .map(objects::object)
                .orElseThrow(() -> new IllegalArgumentException("no session of ours with id " + sessionId));
        Party emsp = new Party(session.path("cdr_token").path("country_code").asText(), session.path("cdr_token").path("party_id").asText());
        Peer peer = peers.findRegistered(emsp).orElseThrow(() -> new IllegalArgumentException("no registered peer plays " + emsp));
        String endpoint = peer.endpoint(ModuleId.CHARGING_PROFILES, InterfaceRole.SENDER)
                .orElseThrow(() -> new IllegalArgumentException("peer " + peer.name() + " serves no chargingprofiles sender"));
        calls.send(peer, "PUT", PeerCalls.join(endpoint, OcpiUrls.segment(sessionId)), profile,
                new Party(session.path("country_code").asText(), session.path("party_id").asText()), emsp, null);
    }

    // --- Sent (we are the eMSP) --------------------------------------------------------------------------------

    /** What sending a request gave: our request id and the CPO's immediate answer. */
    public record Sent(String requestId, ChargingProfileResponse response) {
    }

    /**
     * Asks the CPO running {@code target} about one of its sessions. For SET the body is the ChargingProfile, for
     * GET_ACTIVE {@code duration} is the number of seconds asked for.
     */
    public Sent send(Operation operation, Party target, String sessionId, byte[] body, Integer duration) {
        Peer peer = peers.findRegistered(target).orElseThrow(() -> new IllegalArgumentException("no registered peer plays " + target));
        String endpoint = PeerCalls.join(peer.endpoint(ModuleId.CHARGING_PROFILES, InterfaceRole.RECEIVER)
                .orElseThrow(() -> new IllegalArgumentException("peer " + peer.name() + " serves no chargingprofiles receiver")),
                OcpiUrls.segment(sessionId));
        String id = requests.create(ModuleId.CHARGING_PROFILES, Direction.SENT, operation.name(), peer.id(),
                body == null ? "{}" : new String(body, java.nio.charset.StandardCharsets.UTF_8), null,
                new RoutingHeaders(platform.party(Role.EMSP), target));
        String responseUrl = urls.of(ChargingProfilesRoutes.SENDER + "/results/" + id);
        String encoded = java.net.URLEncoder.encode(responseUrl, java.nio.charset.StandardCharsets.UTF_8);
        ChargingProfileResponse response;
        try {
            response = switch (operation) {
                case GET_ACTIVE -> {
                    if (duration == null) {
                        throw new IllegalArgumentException("GET_ACTIVE needs a duration");
                    }
                    yield call(peer, "GET", endpoint + "?duration=" + duration + "&response_url=" + encoded, null, target);
                }
                case SET -> call(peer, "PUT", endpoint, new SetChargingProfile(bodies.read(body, ChargingProfile.class), responseUrl), target);
                case CLEAR -> call(peer, "DELETE", endpoint + "?response_url=" + encoded, null, target);
            };
        } catch (RuntimeException e) {
            requests.answered(id, null, Status.REFUSED, null);
            throw e;
        }
        requests.answered(id, objects.write(response), response.result() == ChargingProfileResponseType.ACCEPTED, response.timeout());
        return new Sent(id, response);
    }

    /** A CPO posts the result of a request we sent to our response URL. */
    public OcpiResult resultReceived(Caller caller, String requestId, byte[] body) {
        AsyncRequest request = requests.find(requestId)
                .filter(r -> r.direction() == Direction.SENT && ModuleId.CHARGING_PROFILES.equals(r.module()))
                .filter(r -> r.peerId() == caller.peer().id())
                .orElseThrow(() -> OcpiException.notFound("unknown charging profile request " + requestId));
        Object result = bodies.read(body, Operation.valueOf(request.operation()).resultType());
        String text = objects.write(result);
        if (requests.concluded(requestId, text, Status.CONCLUDED)) {
            events.announce(ModuleId.CHARGING_PROFILES, "result", text, Map.of(REQUEST_ID, requestId,
                    OPERATION, request.operation(), OcpiEvents.PEER, caller.peer().name()));
        }
        return OcpiResult.ok(null);
    }

    /** A CPO tells us the active profile of a session changed. */
    public OcpiResult activeReceived(Caller caller, String sessionId, byte[] body) {
        ActiveChargingProfile profile = bodies.read(body, ActiveChargingProfile.class);
        // A session not pushed to us yet is taken on trust; one we hold from another party is not the caller's to touch.
        List<Party> holders = objects.ownersOf(ModuleId.SESSIONS, sessionId);
        if (!platform.isHub(caller) && !holders.isEmpty() && holders.stream().noneMatch(platform.partiesOf(caller)::contains)) {
            throw OcpiException.notFound("unknown session " + sessionId);
        }
        events.announce(ModuleId.CHARGING_PROFILES, "active", objects.write(profile), Map.of(
                OcpiEvents.OBJECT_ID, sessionId, OcpiEvents.PEER, caller.peer().name()));
        return OcpiResult.ok(null);
    }

    private ChargingProfileResponse call(Peer peer, String method, String url, Object body, Party target) {
        ChargingProfileResponse response = calls.send(peer, method, url, body, platform.party(Role.EMSP), target,
                ChargingProfileResponse.class).data();
        if (response == null) {
            throw new IllegalStateException("peer " + peer.name() + " answered without a ChargingProfileResponse");
        }
        return response;
    }

    private ChargingProfileResponse response(ChargingProfileResponseType type) {
        return new ChargingProfileResponse(type, (int) properties.resultTimeout().toSeconds());
    }

    private ChargingProfileResponse responseFrom(JsonNode answer) {
        if (answer.isTextual()) {
            return response(ChargingProfileResponseType.valueOf(answer.asText()));
        }
        ObjectNode response = ((ObjectNode) answer).deepCopy();
        if (!response.has("timeout")) {
            response.put("timeout", properties.resultTimeout().toSeconds());
        }
        return bodies.convert(response, ChargingProfileResponse.class);
    }
}
