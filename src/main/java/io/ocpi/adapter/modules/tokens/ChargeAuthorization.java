package io.ocpi.adapter.modules.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.DisplayText;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.client.PeerCallException;
import io.ocpi.adapter.protocol.client.PeerCalls;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.store.ObjectStore;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * As a CPO: may this token charge here? Asked by our charge point management system through
 * {@code direct:ocpi.tokens.decide}; the decision is answered and announced on {@code direct:ocpi.tokens.decided}, so
 * that the session and CDR carry its {@code authorization_reference}.
 *
 * <p>The token's whitelist type decides how (mod_tokens, WhitelistType):
 * <ul>
 *   <li>ALWAYS: from our token store alone, never asking the eMSP;</li>
 *   <li>ALLOWED and ALLOWED_OFFLINE: the eMSP's real-time answer, within {@code ocpi.authorization.timeout}; when it
 *       does not answer, the token store (a valid token may charge). ALLOWED leaves the choice to the CPO: we choose
 *       the fresher answer whenever the eMSP gives one;</li>
 *   <li>NEVER: only the eMSP's answer; when it does not answer, NOT_ALLOWED.</li>
 * </ul>
 * An eMSP that answers "unknown token" (2004) is an answer, not an outage: NOT_ALLOWED. A token we do not know is
 * NOT_ALLOWED too.
 */
@Component
public class ChargeAuthorization {

    private static final Logger LOG = LoggerFactory.getLogger(ChargeAuthorization.class);

    private final ObjectStore store;
    private final OwnedObjects objects;
    private final OcpiBodies bodies;
    private final ObjectMapper json;
    private final Platform platform;
    private final PeerRepository peers;
    private final PeerCalls calls;
    private final OcpiEvents events;
    private final AuthorizationMetrics decisions;
    private final OcpiProperties.Authorization settings;

    public ChargeAuthorization(ObjectStore store, OwnedObjects objects, OcpiBodies bodies, ObjectMapper json, Platform platform,
                               PeerRepository peers, PeerCalls calls, OcpiEvents events, AuthorizationMetrics decisions,
                               OcpiProperties properties) {
        this.decisions = decisions;
        this.store = store;
        this.objects = objects;
        this.bodies = bodies;
        this.json = json;
        this.platform = platform;
        this.peers = peers;
        this.calls = calls;
        this.events = events;
        this.settings = properties.authorization();
    }

    public AuthorizationInfo decide(String uid, TokenType type, LocationReferences location) {
        Optional<ObjectNode> token = store.findById(ModuleId.TOKENS, uid, type.name()).stream()
                .map(objects::object)
                .filter(t -> !platform.isOurs(owner(t)))
                .findFirst();
        AuthorizationInfo decision = token
                .map(t -> decide(t, location))
                .orElseGet(() -> local(json.createObjectNode().put("uid", uid).put("type", type.name()), location,
                        AllowedType.NOT_ALLOWED, "Unknown token"));
        decisions.counted("cpo", decision.allowed());
        Map<String, Object> headers = Map.of(OcpiEvents.OBJECT_ID, uid, "OcpiTokenType", type.name(), "OcpiAllowed", decision.allowed().name());
        // The token's eMSP, when it is a peer of ours, is the peer behind the event.
        Optional<Peer> emsp = token.flatMap(t -> peers.findRegistered(owner(t)));
        events.announce(ModuleId.TOKENS, "decided", objects.write(decision), emsp.map(peer -> OcpiEvents.about(peer, headers)).orElse(headers));
        return decision;
    }

    private AuthorizationInfo decide(ObjectNode token, LocationReferences location) {
        WhitelistType whitelist = WhitelistType.valueOf(token.path("whitelist").asText());
        boolean valid = token.path("valid").asBoolean(false);
        AllowedType fromStore = valid ? AllowedType.ALLOWED : AllowedType.BLOCKED;
        if (whitelist == WhitelistType.ALWAYS) {
            return local(token, location, fromStore, null);
        }
        Optional<AuthorizationInfo> realTime = askEmsp(token, location);
        if (realTime.isPresent()) {
            return realTime.get();
        }
        return whitelist == WhitelistType.NEVER
                ? local(token, location, AllowedType.NOT_ALLOWED, "The token's provider could not be reached")
                : local(token, location, fromStore, null);
    }

    /** The eMSP's answer; empty when it could not be had in time. */
    private Optional<AuthorizationInfo> askEmsp(ObjectNode token, LocationReferences location) {
        Party emsp = owner(token);
        Optional<Peer> peer = peers.findRegistered(emsp);
        Optional<String> endpoint = peer.flatMap(p -> p.endpoint(ModuleId.TOKENS, InterfaceRole.SENDER));
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        String uid = token.path("uid").asText();
        String url = PeerCalls.join(endpoint.get(), OcpiUrls.segment(uid) + "/authorize?type=" + token.path("type").asText());
        try {
            // The answer is about the token asked about, which a 2.1.1 answer does not name.
            AuthorizationInfo answer = calls.send(peer.get(), "POST", url, location, platform.party(Role.CPO), emsp,
                    AuthorizationInfo.class, settings.timeout(), Map.of("token", token)).data();
            if (answer == null) {
                return Optional.empty();
            }
            bodies.validate(answer);
            return Optional.of(answer);
        } catch (PeerCallException e) {
            if (e.ocpiStatus() != null && e.ocpiStatus() == 2004) {
                return Optional.of(local(token, location, AllowedType.NOT_ALLOWED, "Unknown token at its provider"));
            }
            LOG.warn("no real-time answer from {} for token {}: {}", emsp, uid, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException invalid) {
            LOG.warn("unusable real-time answer from {} for token {}: {}", emsp, uid, invalid.getMessage());
            return Optional.empty();
        }
    }

    private AuthorizationInfo local(ObjectNode token, LocationReferences location, AllowedType allowed, String why) {
        ObjectNode info = json.createObjectNode();
        info.put("allowed", allowed.name());
        info.set("token", token);
        if (location != null) {
            info.set("location", json.valueToTree(location));
        }
        info.put("authorization_reference", UUID.randomUUID().toString());
        if (why != null) {
            info.set("info", json.valueToTree(new DisplayText("en", why)));
        }
        // A token we do not know has only its uid and type to show: the decision is not validated as a whole.
        return json.convertValue(info, AuthorizationInfo.class);
    }

    private static Party owner(JsonNode token) {
        return new Party(token.path("country_code").asText(), token.path("party_id").asText());
    }
}
