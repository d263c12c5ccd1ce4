package io.ocpi.adapter.modules.locations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiResult;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RawJson;
import io.ocpi.adapter.store.ObjectStore;
import io.ocpi.adapter.protocol.RequestBody;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The locations Receiver below the location level: EVSEs and connectors put and patched one at a time, each change
 * applied to the stored location in one transaction, its parents' {@code last_updated} bumped, and the whole
 * location validated before it is stored.
 */
@Component
public class ReceivedLocations {

    private final ObjectStore store;
    private final OwnedObjects objects;
    private final OcpiBodies bodies;
    private final Platform platform;
    private final TransactionTemplate transaction;

    public ReceivedLocations(ObjectStore store, OwnedObjects objects, OcpiBodies bodies, Platform platform, TransactionTemplate transaction) {
        this.store = store;
        this.objects = objects;
        this.bodies = bodies;
        this.platform = platform;
        this.transaction = transaction;
    }

    public RawJson getEvse(Caller caller, Party owner, String locationId, String evseUid) {
        return new RawJson(objects.write(read(caller, owner, locationId).requireEvse(evseUid)), Evse.class);
    }

    public RawJson getConnector(Caller caller, Party owner, String locationId, String evseUid, String connectorId) {
        return new RawJson(objects.write(read(caller, owner, locationId).requireConnector(evseUid, connectorId)), Connector.class);
    }

    public OcpiResult putEvse(Caller caller, Party owner, String locationId, String evseUid, RequestBody body) {
        Evse evse = bodies.read(body, Evse.class);
        OwnedObjects.requireSame("uid", evseUid, evse.uid());
        ObjectNode tree = objects.object(objects.write(evse));
        boolean[] created = new boolean[1];
        change(caller, owner, locationId, "PUT", body, location -> {
            created[0] = location.evse(evseUid).isEmpty();
            location.putEvse(tree);
        });
        return created[0] ? OcpiResult.created(null) : OcpiResult.ok(null);
    }

    public OcpiResult putConnector(Caller caller, Party owner, String locationId, String evseUid, String connectorId, RequestBody body) {
        Connector connector = bodies.read(body, Connector.class);
        OwnedObjects.requireSame("id", connectorId, connector.id());
        ObjectNode tree = objects.object(objects.write(connector));
        boolean[] created = new boolean[1];
        change(caller, owner, locationId, "PUT", body, location -> {
            created[0] = location.connector(evseUid, connectorId).isEmpty();
            location.putConnector(evseUid, tree);
        });
        return created[0] ? OcpiResult.created(null) : OcpiResult.ok(null);
    }

    public OcpiResult patchEvse(Caller caller, Party owner, String locationId, String evseUid, RequestBody body) {
        ObjectNode patch = patchBody(bodies, body, Evse.class, "uid", evseUid);
        change(caller, owner, locationId, "PATCH", body, location -> location.patch(evseUid, null, patch));
        return OcpiResult.ok(null);
    }

    public OcpiResult patchConnector(Caller caller, Party owner, String locationId, String evseUid, String connectorId, RequestBody body) {
        ObjectNode patch = patchBody(bodies, body, Connector.class, "id", connectorId);
        change(caller, owner, locationId, "PATCH", body, location -> location.patch(evseUid, connectorId, patch));
        return OcpiResult.ok(null);
    }

    static ObjectNode patchBody(OcpiBodies bodies, RequestBody body, Class<?> type, String idField, String urlId) {
        ObjectNode patch = bodies.readObject(body, type);
        OwnedObjects.requireLastUpdated(patch, body.version());
        if (patch.has(idField)) {
            OwnedObjects.requireSame(idField, urlId, patch.get(idField).asText());
        }
        return patch;
    }

    private LocationTree read(Caller caller, Party owner, String locationId) {
        platform.requireOwner(caller, owner);
        ObjectKey key = ObjectKey.of(ModuleId.LOCATIONS, owner, locationId);
        return new LocationTree(store.find(key).map(objects::object).orElseThrow(() -> OcpiException.notFound("unknown " + key)));
    }

    private void change(Caller caller, Party owner, String locationId, String operation, RequestBody body, Consumer<LocationTree> change) {
        platform.requireOwner(caller, owner);
        ObjectKey key = ObjectKey.of(ModuleId.LOCATIONS, owner, locationId);
        transaction.executeWithoutResult(tx -> {
            LocationTree location = new LocationTree(store.findForUpdate(key).map(objects::object)
                    .orElseThrow(() -> OcpiException.notFound("unknown " + key + ": PUT the location first")));
            change.accept(location);
            Location valid = bodies.convert(location.location(), Location.class, body.readAs());
            String text = objects.write(valid);
            store.put(key, valid.lastUpdated(), null, text);
            objects.announceReceived(caller, ModuleId.LOCATIONS, key, text, operation);
        });
    }
}
