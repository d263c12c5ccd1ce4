package io.ocpi.adapter.modules.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.modules.cdrs.CdrsRoutes;
import io.ocpi.adapter.modules.locations.LocationsRoutes;
import io.ocpi.adapter.modules.sessions.SessionsRoutes;
import io.ocpi.adapter.modules.tariffs.TariffsRoutes;
import io.ocpi.adapter.modules.tokens.TokensRoutes;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.objects.OwnedObjects.Kind;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiDateTime;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.protocol.client.PeerCredential;
import io.ocpi.adapter.protocol.client.PeerLists;
import io.ocpi.adapter.protocol.client.PeerLists.PageFailedException;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.registry.TokenScope;
import io.ocpi.adapter.store.ObjectStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pulls a peer's complete list of a module (its Sender interface, page by page following {@code Link}) into the
 * store: what a CPO serves (locations, sessions, CDRs, tariffs) for our eMSP, what an eMSP serves (tokens) for our
 * CPO. Each object is checked like a push would be: a valid object owned by the peer is stored and announced as
 * received; anything else is logged and passed over, as transport_and_format advises for lists. Pages are asked for
 * no larger than the peer's cap for the module ({@code ocpi.pull.page-limits}); a page that cannot be read ends the
 * pull with what failed where, and what was stored before.
 */
@Component
public class PeerPulls {

    private static final Logger LOG = LoggerFactory.getLogger(PeerPulls.class);

    /** What one pull did. */
    public record Outcome(String module, long read, long stored, long refused) {
    }

    /** A pull that ended at a page it could not read, and what it had stored before. */
    public static class PullFailedException extends RuntimeException {

        private final transient Map<String, Object> details;

        PullFailedException(String peer, Outcome before, PageFailedException failure) {
            super("pull of " + before.module() + " from peer " + peer + " failed at " + failure.getMessage() + "; before it "
                    + before.read() + " objects were read, " + before.stored() + " stored, " + before.refused() + " refused", failure);
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("module", before.module());
            all.put("page", failure.page());
            all.put("url", failure.url());
            all.put("read", before.read());
            all.put("stored", before.stored());
            all.put("refused", before.refused());
            this.details = Map.copyOf(all);
        }

        /** Where it failed (module, page, url) and the objects read, stored and refused before. */
        public Map<String, Object> details() {
            return details;
        }
    }

    private final Map<String, Kind<? extends OwnedObject>> kinds = new LinkedHashMap<>();
    private final Map<String, Role> ourSide = Map.of(ModuleId.LOCATIONS, Role.EMSP, ModuleId.SESSIONS, Role.EMSP,
            ModuleId.CDRS, Role.EMSP, ModuleId.TARIFFS, Role.EMSP, ModuleId.TOKENS, Role.CPO);

    private final PeerRepository peers;
    private final PeerLists lists;
    private final OcpiBodies bodies;
    private final ObjectStore store;
    private final OwnedObjects objects;
    private final Platform platform;
    private final Map<String, Map<String, Integer>> pageLimits;

    public PeerPulls(PeerRepository peers, PeerLists lists, OcpiBodies bodies, ObjectStore store, OwnedObjects objects, Platform platform,
                     OcpiProperties properties) {
        this.peers = peers;
        this.lists = lists;
        this.pageLimits = properties.pull().pageLimits();
        this.bodies = bodies;
        this.store = store;
        this.objects = objects;
        this.platform = platform;
        kinds.put(ModuleId.LOCATIONS, LocationsRoutes.KIND);
        kinds.put(ModuleId.SESSIONS, SessionsRoutes.KIND);
        kinds.put(ModuleId.CDRS, CdrsRoutes.KIND);
        kinds.put(ModuleId.TARIFFS, TariffsRoutes.KIND);
        kinds.put(ModuleId.TOKENS, TokensRoutes.KIND);
    }

    public List<String> modules() {
        return List.copyOf(kinds.keySet());
    }

    /**
     * @param dateFrom only objects changed since then (null: all). The sessions list wants one, so it gets the epoch.
     */
    public Outcome pull(long peerId, String module, Instant dateFrom) {
        Kind<? extends OwnedObject> kind = kinds.get(module);
        if (kind == null) {
            throw new IllegalArgumentException("cannot pull '" + module + "'; pullable modules: " + modules());
        }
        Peer peer = peers.find(peerId).filter(Peer::isRegistered)
                .orElseThrow(() -> new IllegalArgumentException("no registered peer with id " + peerId));
        String url = peer.endpoint(module, InterfaceRole.SENDER)
                .orElseThrow(() -> new IllegalStateException("peer " + peer.name() + " serves no " + module + " sender"));
        Instant from = dateFrom != null ? dateFrom : ModuleId.SESSIONS.equals(module) ? Instant.EPOCH : null;
        if (from != null) {
            url += (url.contains("?") ? "&" : "?") + "date_from=" + URLEncoder.encode(OcpiDateTime.format(from), StandardCharsets.UTF_8);
        }
        Integer limit = pageLimits.getOrDefault(peer.name(), Map.of()).get(module);
        if (limit != null) {
            url += (url.contains("?") ? "&" : "?") + "limit=" + limit;
        }
        Caller asPeer = new Caller(peer, TokenScope.FULL, null, false);
        Map<String, String> routing = peer.roles().isEmpty() ? Map.of() : RoutingHeaders.outgoing(platform.party(ourSide.get(module)),
                new Party(peer.roles().get(0).countryCode(), peer.roles().get(0).partyId()));
        long[] counts = new long[2];
        long read;
        try {
            read = lists.pullAll(url, PeerCredential.of(peer), JsonNode.class, routing, page -> {
                for (JsonNode item : page) {
                    if (store(asPeer, kind, item)) {
                        counts[0]++;
                    } else {
                        counts[1]++;
                    }
                }
            });
        } catch (PageFailedException failure) {
            throw new PullFailedException(peer.name(), new Outcome(module, failure.readBefore(), counts[0], counts[1]), failure);
        }
        Outcome outcome = new Outcome(module, read, counts[0], counts[1]);
        LOG.info("pulled {} from peer {}: {} read, {} stored, {} refused", module, peer.name(), read, counts[0], counts[1]);
        return outcome;
    }

    private <T extends OwnedObject> boolean store(Caller peer, Kind<T> kind, JsonNode item) {
        try {
            T object = bodies.convert(item, kind.type());
            Party owner = Party.of(object);
            platform.requireOwner(peer, owner);
            ObjectKey key = new ObjectKey(kind.module(), owner, object.objectId(), kind.objectType().apply(object));
            String text = objects.write(object);
            store.put(key, object.lastUpdated(), kind.concerns().apply(object), text);
            objects.announceReceived(peer, kind.module(), key, text, "PULL");
            return true;
        } catch (OcpiException refused) {
            LOG.warn("passed over a pulled {} object from peer {}: {} ({})", kind.module(), peer.peer().name(), refused.getMessage(),
                    item instanceof ObjectNode o ? o.path("id").asText(o.path("uid").asText()) : "not an object");
            return false;
        }
    }
}
