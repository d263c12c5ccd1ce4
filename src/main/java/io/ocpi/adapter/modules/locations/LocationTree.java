package io.ocpi.adapter.modules.locations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.protocol.OcpiException;
import java.util.List;
import java.util.Optional;

/**
 * A stored Location as a JSON tree, with its EVSEs and connectors found by id (CiString: case aside), so that
 * nested PUTs and PATCHes change one part and bump {@code last_updated} up the tree, as mod_locations requires.
 */
public final class LocationTree {

    private final ObjectNode location;

    public LocationTree(ObjectNode location) {
        this.location = location;
    }

    ObjectNode location() {
        return location;
    }

    Optional<ObjectNode> evse(String uid) {
        return find(location.withArray("evses"), "uid", uid);
    }

    ObjectNode requireEvse(String uid) {
        return evse(uid).orElseThrow(() -> OcpiException.notFound("unknown EVSE " + uid + " in location " + location.path("id").asText()));
    }

    Optional<ObjectNode> connector(String evseUid, String connectorId) {
        return evse(evseUid).flatMap(evse -> find(evse.withArray("connectors"), "id", connectorId));
    }

    ObjectNode requireConnector(String evseUid, String connectorId) {
        return connector(evseUid, connectorId).orElseThrow(() -> OcpiException.notFound("unknown connector " + connectorId
                + " of EVSE " + evseUid + " in location " + location.path("id").asText()));
    }

    /**
     * The location, one of its EVSEs, or one of their connectors, as a PUT at that level would carry it: the part that
     * the path segments below the location address ({@code [evse_uid[/connector_id]]}).
     */
    static Optional<ObjectNode> part(ObjectNode location, List<String> below) {
        LocationTree tree = new LocationTree(location);
        return switch (below.size()) {
            case 0 -> Optional.of(location);
            case 1 -> tree.evse(below.get(0));
            case 2 -> tree.connector(below.get(0), below.get(1));
            default -> Optional.empty();
        };
    }

    /** Applies a PATCH at the level named (location, EVSE or connector), bumping last_updated up the tree. */
    void patch(String evseUid, String connectorId, ObjectNode patch) {
        if (evseUid == null) {
            patch.fields().forEachRemaining(field -> location.set(field.getKey(), field.getValue()));
        } else if (connectorId == null) {
            putEvse(OwnedObjects.replaceFields(requireEvse(evseUid), patch));
        } else {
            putConnector(evseUid, OwnedObjects.replaceFields(requireConnector(evseUid, connectorId), patch));
        }
    }

    /** Replaces the EVSE with that uid, or adds it; the location takes the EVSE's last_updated. */
    void putEvse(ObjectNode evse) {
        replaceOrAdd(location.withArray("evses"), "uid", evse);
        location.set("last_updated", evse.get("last_updated"));
    }

    /** Replaces the connector with that id, or adds it; EVSE and location take its last_updated. */
    void putConnector(String evseUid, ObjectNode connector) {
        ObjectNode evse = requireEvse(evseUid);
        replaceOrAdd(evse.withArray("connectors"), "id", connector);
        evse.set("last_updated", connector.get("last_updated"));
        location.set("last_updated", connector.get("last_updated"));
    }

    private static Optional<ObjectNode> find(ArrayNode items, String idField, String id) {
        for (JsonNode item : items) {
            if (item instanceof ObjectNode object && id.equalsIgnoreCase(object.path(idField).asText())) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    private static void replaceOrAdd(ArrayNode items, String idField, ObjectNode replacement) {
        String id = replacement.path(idField).asText();
        for (int i = 0; i < items.size(); i++) {
            if (id.equalsIgnoreCase(items.get(i).path(idField).asText())) {
                items.set(i, replacement);
                return;
            }
        }
        items.add(replacement);
    }
}
