package io.ocpi.adapter.modules.chargingprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.asyncrequests.AsyncRequestCycle;
import io.ocpi.adapter.modules.asyncrequests.AsyncRequestCycle.PeerRequest;
import io.ocpi.adapter.modules.asyncrequests.AsyncRequestCycle.Sent;
import io.ocpi.adapter.modules.asyncrequests.AsyncRequestKind;
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
import io.ocpi.adapter.protocol.RequestBody;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * profiles CPOs push to us, are announced on {@code direct:ocpi.chargingprofiles.result} and {@code .active}. Requests
 * and their results go through {@link AsyncRequestCycle}.
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

    public static final String OPERATION = "OcpiOperation";
    public static final String DURATION = "OcpiDuration";

    static final AsyncRequestKind<ChargingProfileResponse> REQUESTS = new AsyncRequestKind<>(ModuleId.CHARGING_PROFILES,
            "charging profile request", OPERATION, ChargingProfileResponse.class,
            (result, timeout) -> new ChargingProfileResponse(ChargingProfileResponseType.valueOf(result), timeout),
            timeout -> new ChargingProfileResponse(ChargingProfileResponseType.NOT_SUPPORTED, timeout),
            operation -> Operation.valueOf(operation).resultType(),
            (operation, requestId) -> ChargingProfilesRoutes.SENDER + "/results/" + requestId);

    private final AsyncRequestCycle cycle;
    private final OwnedObjects objects;
    private final OcpiBodies bodies;
    private final Platform platform;
    private final OcpiEvents events;
    private final PeerRepository peers;
    private final PeerCalls calls;
    private final OurSessions sessions;

    public ChargingProfiles(AsyncRequestCycle cycle, OwnedObjects objects, OcpiBodies bodies, Platform platform, OcpiEvents events,
                            PeerRepository peers, PeerCalls calls, OurSessions sessions) {
        this.cycle = cycle;
        this.objects = objects;
        this.bodies = bodies;
        this.platform = platform;
        this.events = events;
        this.peers = peers;
        this.calls = calls;
        this.sessions = sessions;
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
            return OcpiResult.ok(new ChargingProfileResponse(ChargingProfileResponseType.UNKNOWN_SESSION, cycle.resultTimeout()));
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(OcpiEvents.OBJECT_ID, sessionId);
        if (request.has("duration")) {
            headers.put(DURATION, request.get("duration").asInt());
        }
        // The result goes back to the party that asked: the one it named, else the eMSP whose session it is.
        return OcpiResult.ok(cycle.received(REQUESTS, caller, operation.name(), request.toString(), responseUrl,
                new RoutingHeaders(routing.from() != null ? routing.from() : sessionEmsp, routing.to()), headers));
    }

    /** The charge point's result of a request we received: posted to the peer's response URL, once. */
    public void respond(String requestId, byte[] resultBody) {
        cycle.respond(REQUESTS, requestId, resultBody);
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

    /**
     * Asks the CPO running {@code target} about one of its sessions. For SET the body is the ChargingProfile, for
     * GET_ACTIVE {@code duration} is the number of seconds asked for.
     */
    public Sent<ChargingProfileResponse> send(Operation operation, Party target, String sessionId, byte[] body, Integer duration) {
        String request = body == null ? "{}" : new String(body, StandardCharsets.UTF_8);
        return cycle.send(REQUESTS, operation.name(), target, request, (endpoint, responseUrl) -> {
            String session = PeerCalls.join(endpoint, OcpiUrls.segment(sessionId));
            String encoded = URLEncoder.encode(responseUrl, StandardCharsets.UTF_8);
            return switch (operation) {
                case GET_ACTIVE -> {
                    if (duration == null) {
                        throw new IllegalArgumentException("GET_ACTIVE needs a duration");
                    }
                    yield new PeerRequest("GET", session + "?duration=" + duration + "&response_url=" + encoded, null);
                }
                case SET -> new PeerRequest("PUT", session, new SetChargingProfile(bodies.read(body, ChargingProfile.class), responseUrl));
                case CLEAR -> new PeerRequest("DELETE", session + "?response_url=" + encoded, null);
            };
        });
    }

    /** A CPO posts the result of a request we sent to our response URL. */
    public OcpiResult resultReceived(Caller caller, String requestId, RequestBody body) {
        AsyncRequest request = cycle.sentTo(REQUESTS, caller, requestId, null);
        return cycle.resultReceived(REQUESTS, caller, request, bodies.read(body, Operation.valueOf(request.operation()).resultType()));
    }

    /** A CPO tells us the active profile of a session changed. */
    public OcpiResult activeReceived(Caller caller, String sessionId, RequestBody body) {
        ActiveChargingProfile profile = bodies.read(body, ActiveChargingProfile.class);
        // A session not pushed to us yet is taken on trust; one we hold from another party is not the caller's to touch.
        List<Party> holders = objects.ownersOf(ModuleId.SESSIONS, sessionId);
        if (!platform.isHub(caller) && !holders.isEmpty() && holders.stream().noneMatch(platform.partiesOf(caller)::contains)) {
            throw OcpiException.notFound("unknown session " + sessionId);
        }
        events.announce(ModuleId.CHARGING_PROFILES, "active", objects.write(profile), OcpiEvents.about(caller.peer(),
                Map.of(OcpiEvents.OBJECT_ID, sessionId)));
        return OcpiResult.ok(null);
    }
}
