package io.ocpi.adapter.modules.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.objects.Kind;
import io.ocpi.adapter.objects.Modules;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiDateTime;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.WireForms;
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
 * Pulls a peer's complete list of a module of Client Owned Objects (its Sender interface, page by page following
 * {@code Link}) into the store, for our party in the role that receives them ({@link Kind#receiver()}): what a CPO
 * serves (locations, sessions, CDRs, tariffs) for our eMSP, what an eMSP serves (tokens) for our CPO. Each object is
 * checked like a push would be: made canonical from the peer's version ({@link WireForms}), a valid object owned by
 * the peer is stored and announced as received; anything else
 * is logged and passed over, as transport_and_format advises for lists. Pages are asked for no larger than the peer's
 * cap for the module ({@code ocpi.pull.page-limits}); a page that cannot be read ends the pull with what failed
 * where, and what was stored before.
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

    private final PeerRepository peers;
    private final PeerLists lists;
    private final OcpiBodies bodies;
    private final ObjectStore store;
    private final OwnedObjects objects;
    private final Platform platform;
    private final Modules modules;
    private final Map<String, Map<String, Integer>> pageLimits;
    private final WireForms forms;

    public PeerPulls(PeerRepository peers, PeerLists lists, OcpiBodies bodies, ObjectStore store, OwnedObjects objects, Platform platform,
                     Modules modules, OcpiProperties properties, WireForms forms) {
        this.forms = forms;
        this.peers = peers;
        this.lists = lists;
        this.pageLimits = properties.pull().pageLimits();
        this.bodies = bodies;
        this.store = store;
        this.objects = objects;
        this.platform = platform;
        this.modules = modules;
    }

    /** The modules of Client Owned Objects, whose lists can be pulled. */
    public List<String> modules() {
        return modules.objectKinds().stream().map(Kind::module).toList();
    }

    /**
     * @param dateFrom only objects changed since then (null: all, or since the kind's {@link Kind#pullFrom()} for a
     *                 Sender that wants a {@code date_from})
     */
    public Outcome pull(long peerId, String module, Instant dateFrom) {
        Kind<?> kind = modules.objects(module)
                .orElseThrow(() -> new IllegalArgumentException("cannot pull '" + module + "'; pullable modules: " + modules()));
        Peer peer = peers.find(peerId).filter(Peer::isRegistered)
                .orElseThrow(() -> new IllegalArgumentException("no registered peer with id " + peerId));
        String url = peer.endpoint(module, InterfaceRole.SENDER)
                .orElseThrow(() -> new IllegalStateException("peer " + peer.name() + " serves no " + module + " sender"));
        Instant from = dateFrom != null ? dateFrom : kind.pullFrom();
        if (from != null) {
            url += (url.contains("?") ? "&" : "?") + "date_from=" + URLEncoder.encode(OcpiDateTime.format(from), StandardCharsets.UTF_8);
        }
        Integer limit = pageLimits.getOrDefault(peer.name(), Map.of()).get(module);
        if (limit != null) {
            url += (url.contains("?") ? "&" : "?") + "limit=" + limit;
        }
        Caller asPeer = new Caller(peer, TokenScope.FULL, null, false);
        Map<String, String> routing = peer.roles().isEmpty() ? Map.of() : RoutingHeaders.outgoing(platform.party(kind.receiver()),
                new Party(peer.roles().get(0).countryCode(), peer.roles().get(0).partyId()));
        // Objects of the peer's party that owns them, to our party that receives them.
        Party theirs = peer.roles().stream().filter(role -> role.role() == kind.owner()).findFirst()
                .map(role -> new Party(role.countryCode(), role.partyId())).orElse(null);
        Wire wire = new Wire(peer.ocpiVersion(), new WireForm.Parties(theirs, platform.party(kind.receiver())));
        long[] counts = new long[2];
        long read;
        try {
            read = lists.pullAll(url, PeerCredential.of(peer), JsonNode.class, routing, page -> {
                for (JsonNode item : page) {
                    if (store(asPeer, kind, wire, item)) {
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

    /** The version a pulled list is written in, and the parties of its objects. */
    private record Wire(VersionNumber version, WireForm.Parties parties) {
    }

    private <T extends OwnedObject> boolean store(Caller peer, Kind<T> kind, Wire wire, JsonNode item) {
        try {
            T object = bodies.convert(forms.toCanonical(kind.type(), wire.version(), item, wire.parties()), kind.type(), wire.version());
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
