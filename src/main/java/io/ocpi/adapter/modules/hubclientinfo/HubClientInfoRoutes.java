package io.ocpi.adapter.modules.hubclientinfo;

import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.Access;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiResult;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Pagination;
import io.ocpi.adapter.protocol.Pagination.Page;
import io.ocpi.adapter.protocol.Pagination.PageRequest;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.registry.PeerStatus;
import io.ocpi.adapter.store.ObjectStore;
import io.ocpi.adapter.protocol.RequestBody;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hubclientinfo module, a configuration module (no routing headers). Receiver: a hub tells us the connection
 * status of the parties behind it, kept per party (a party holding the same ids in several roles has one status).
 * Sender: the parties of the peers registered with us, with their connection status.
 */
@Component
public class HubClientInfoRoutes extends OcpiRouteBuilder {

    public static final String PATH = OcpiUrls.VERSION_PATH + "/" + ModuleId.HUB_CLIENT_INFO;

    private final ObjectStore store;
    private final OwnedObjects objects;
    private final OcpiBodies bodies;
    private final PeerRepository peers;
    private final Pagination pagination;
    private final Platform platform;
    private final TransactionTemplate transaction;

    public HubClientInfoRoutes(ObjectStore store, OwnedObjects objects, OcpiBodies bodies, PeerRepository peers,
                               Pagination pagination, Platform platform, TransactionTemplate transaction) {
        this.store = store;
        this.objects = objects;
        this.bodies = bodies;
        this.peers = peers;
        this.pagination = pagination;
        this.platform = platform;
        this.transaction = transaction;
    }

    @Override
    public void configure() {
        rest(PATH)
                .get().to("direct:hubclientinfo-sender-list")
                .get("/{country_code}/{party_id}").to("direct:hubclientinfo-receiver-get")
                .put("/{country_code}/{party_id}").to("direct:hubclientinfo-receiver-put");

        ocpiRoute("hubclientinfo-sender-list", Access.REGISTERED)
                .answer((caller, e) -> list(pagination.request(e), OcpiExchange.version(e)));
        ocpiRoute("hubclientinfo-receiver-get", Access.REGISTERED)
                .answer((caller, e) -> {
                    ObjectKey key = key(caller, owner(e));
                    return store.find(key).map(text -> new io.ocpi.adapter.protocol.RawJson(text, ClientInfo.class))
                            .orElseThrow(() -> OcpiException.notFound("no client info for " + key.owner()));
                });
        ocpiRoute("hubclientinfo-receiver-put", Access.REGISTERED)
                .answer((caller, e) -> put(caller, owner(e), body(e)));
    }

    /** Only a hub reports on the parties behind it. */
    private ObjectKey key(Caller caller, Party party) {
        if (!platform.isHub(caller)) {
            throw new OcpiException(OcpiStatus.CLIENT_ERROR, 403, "only a hub may report client info");
        }
        return ObjectKey.of(ModuleId.HUB_CLIENT_INFO, party, "");
    }

    private OcpiResult put(Caller caller, Party party, RequestBody body) {
        ObjectKey key = key(caller, party);
        ClientInfo info = bodies.read(body, ClientInfo.class);
        OwnedObjects.requireSame("country_code", party.countryCode(), info.countryCode());
        OwnedObjects.requireSame("party_id", party.partyId(), info.partyId());
        String text = objects.write(info);
        boolean created = transaction.execute(tx -> {
            boolean isNew = store.put(key, info.lastUpdated(), null, text);
            objects.announceReceived(caller, ModuleId.HUB_CLIENT_INFO, key, text, "PUT");
            return isNew;
        });
        return created ? OcpiResult.created(null) : OcpiResult.ok(null);
    }

    /** The parties registered with us, in the roles {@code version} has (2.3.0 has no HUB, 2.2.1 no PTP). */
    private OcpiResult list(PageRequest request, VersionNumber version) {
        List<ClientInfo> all = peers.findAll().stream()
                .filter(peer -> peer.status() == PeerStatus.REGISTERED || peer.status() == PeerStatus.UNREGISTERED)
                .flatMap(peer -> peer.roles().stream().filter(role -> role.role().isIn(version)).map(role -> new ClientInfo(role.partyId(), role.countryCode(), role.role(),
                        peer.connectionStatus(), peer.updatedAt())))
                .filter(info -> request.dateFrom() == null || !info.lastUpdated().isBefore(request.dateFrom()))
                .filter(info -> request.dateTo() == null || info.lastUpdated().isBefore(request.dateTo()))
                .sorted(Comparator.comparing(ClientInfo::lastUpdated).thenComparing(ClientInfo::countryCode).thenComparing(ClientInfo::partyId))
                .toList();
        List<ClientInfo> page = all.stream().skip(request.offset()).limit(request.limit()).toList();
        return pagination.result(PATH, request, new Page<>(page, all.size()));
    }
}
