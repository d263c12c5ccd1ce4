package io.ocpi.adapter.modules.locations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.push.Pushes;
import io.ocpi.adapter.store.ObjectStore;
import io.ocpi.adapter.protocol.RequestBody;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partial changes to our own locations, as the charge point management system reports them (an EVSE's status, a
 * connector's tariffs): applied to the stored location with its parents' {@code last_updated} bumped, and pushed to
 * every peer as a PATCH at that level, in the same transaction.
 */
@Component
public class OurLocations {

    private final ObjectStore store;
    private final OwnedObjects objects;
    private final OcpiBodies bodies;
    private final Platform platform;
    private final Pushes pushes;
    private final TransactionTemplate transaction;

    public OurLocations(ObjectStore store, OwnedObjects objects, OcpiBodies bodies, Platform platform, Pushes pushes,
                        TransactionTemplate transaction) {
        this.store = store;
        this.objects = objects;
        this.bodies = bodies;
        this.platform = platform;
        this.pushes = pushes;
        this.transaction = transaction;
    }

    /**
     * @param evseUid     null for a change to the location itself
     * @param connectorId null for a change to the location or an EVSE
     * @return the whole location as stored afterwards
     */
    public String update(String locationId, String evseUid, String connectorId, byte[] body) {
        RequestBody canonical = RequestBody.canonical(body);
        ObjectNode patch = connectorId != null ? ReceivedLocations.patchBody(bodies, canonical, Connector.class, "id", connectorId)
                : evseUid != null ? ReceivedLocations.patchBody(bodies, canonical, Evse.class, "uid", evseUid)
                : ReceivedLocations.patchBody(bodies, canonical, Location.class, "id", locationId);
        Party owner = objects.findOurs(ModuleId.LOCATIONS, platform.parties(Role.CPO), locationId, "")
                .map(objects::object)
                .map(location -> new Party(location.path("country_code").asText(), location.path("party_id").asText()))
                .orElseThrow(() -> new IllegalArgumentException("no location of ours with id " + locationId));
        ObjectKey key = ObjectKey.of(ModuleId.LOCATIONS, owner, locationId);
        String subPath = (evseUid == null ? "" : "/" + OcpiUrls.segment(evseUid)) + (connectorId == null ? "" : "/" + OcpiUrls.segment(connectorId));
        return transaction.execute(tx -> {
            LocationTree location = new LocationTree(objects.object(store.findForUpdate(key).orElseThrow()));
            location.patch(evseUid, connectorId, patch);
            Location valid = bodies.convert(location.location(), Location.class);
            String text = objects.write(valid);
            store.put(key, valid.lastUpdated(), null, text);
            pushes.patched(LocationsModule.KIND, owner, locationId, subPath, patch.toString());
            return text;
        });
    }
}
