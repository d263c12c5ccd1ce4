package io.ocpi.adapter.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.store.ObjectStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An ObjectStore that holds the canonical Locations it is given, in memory, for forms that look their location up. */
public class StoreOfLocations extends ObjectStore {

    private final Map<ObjectKey, String> locations = new HashMap<>();

    public StoreOfLocations() {
        super(null, null, null);
    }

    public void put(ObjectNode location) {
        locations.put(ObjectKey.of(ModuleId.LOCATIONS, new Party(location.get("country_code").asText(), location.get("party_id").asText()),
                location.get("id").asText()), location.toString());
    }

    /**
     * Stores the 2.2.1 location example as {@code owner}'s location {@code id}, with one EVSE {@code evseUid} holding
     * one connector {@code connectorId}.
     */
    public ObjectNode putExample(Party owner, String id, String evseUid, String connectorId) {
        ObjectNode location = ModelFuzz.seeds().stream().filter(seed -> seed.name().equals("location_example.json")).findFirst()
                .orElseThrow().json().deepCopy();
        location.put("country_code", owner.countryCode()).put("party_id", owner.partyId()).put("id", id);
        ObjectNode evse = (ObjectNode) location.at("/evses/0");
        evse.put("uid", evseUid);
        ObjectNode connector = (ObjectNode) evse.at("/connectors/0");
        connector.put("id", connectorId);
        evse.set("connectors", evse.arrayNode().add(connector));
        location.set("evses", location.arrayNode().add(evse));
        put(location);
        return location;
    }

    @Override
    public Optional<String> find(ObjectKey key) {
        return Optional.ofNullable(locations.get(key));
    }
}
