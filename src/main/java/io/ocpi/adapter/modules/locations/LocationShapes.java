package io.ocpi.adapter.modules.locations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.TokenTypes;
import io.ocpi.adapter.protocol.OcpiException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a location, an EVSE and a connector are written in 2.2.1: without what 2.3.0 added to them (a location's
 * {@code parking_places} and {@code help_phone}, an EVSE's {@code parking} and {@code accepted_service_providers}, a
 * connector's {@code capabilities}). Values only 2.3.0 has are refused from a 2.2.1 peer, as any unknown value; to a
 * 2.2.1 peer a parking restriction only 2.3.0 has is left out of the list, and a connector standard or token type only
 * 2.3.0 has cannot be written. Each method changes the given JSON object in place, and {@code where} is the path of it
 * in the body, e.g. {@code evses[0].}.
 */
public final class LocationShapes {

    private static final Set<ParkingRestriction> V2_3_0_RESTRICTIONS =
            EnumSet.of(ParkingRestriction.EMPLOYEES, ParkingRestriction.TAXIS, ParkingRestriction.TENANTS);

    private LocationShapes() {
    }

    public static void locationFromV221(ObjectNode location) {
        location.remove("parking_places");
        location.remove("help_phone");
        JsonNode allowed = location.path("publish_allowed_to");
        for (int i = 0; i < allowed.size(); i++) {
            TokenTypes.checkV221(allowed.get(i).get("type"), "publish_allowed_to[" + i + "].type");
        }
        JsonNode evses = location.path("evses");
        for (int i = 0; i < evses.size(); i++) {
            if (evses.get(i) instanceof ObjectNode evse) {
                evseFromV221(evse, "evses[" + i + "].");
            }
        }
    }

    public static void locationToV221(ObjectNode location) {
        location.remove("parking_places");
        location.remove("help_phone");
        JsonNode allowed = location.path("publish_allowed_to");
        for (int i = 0; i < allowed.size(); i++) {
            TokenTypes.writeV221(allowed.get(i).get("type"), "publish_allowed_to[" + i + "].type");
        }
        JsonNode evses = location.path("evses");
        for (int i = 0; i < evses.size(); i++) {
            if (evses.get(i) instanceof ObjectNode evse) {
                evseToV221(evse, "evses[" + i + "].");
            }
        }
    }

    public static void evseFromV221(ObjectNode evse, String where) {
        evse.remove("parking");
        evse.remove("accepted_service_providers");
        JsonNode restrictions = evse.path("parking_restrictions");
        for (int i = 0; i < restrictions.size(); i++) {
            if (isV230Restriction(restrictions.get(i))) {
                throw OcpiException.invalid(where + "parking_restrictions[" + i + "]: unknown value '" + restrictions.get(i).asText()
                        + "', expected one of " + List.copyOf(EnumSet.complementOf(EnumSet.copyOf(V2_3_0_RESTRICTIONS))));
            }
        }
        JsonNode connectors = evse.path("connectors");
        for (int i = 0; i < connectors.size(); i++) {
            if (connectors.get(i) instanceof ObjectNode connector) {
                connectorFromV221(connector, where + "connectors[" + i + "].");
            }
        }
    }

    public static void evseToV221(ObjectNode evse, String where) {
        evse.remove("parking");
        evse.remove("accepted_service_providers");
        if (evse.get("parking_restrictions") instanceof ArrayNode restrictions) {
            ArrayNode known = restrictions.arrayNode();
            restrictions.forEach(value -> {
                if (!isV230Restriction(value)) {
                    known.add(value);
                }
            });
            evse.set("parking_restrictions", known);
        }
        JsonNode connectors = evse.path("connectors");
        for (int i = 0; i < connectors.size(); i++) {
            if (connectors.get(i) instanceof ObjectNode connector) {
                connectorToV221(connector, where + "connectors[" + i + "].");
            }
        }
    }

    public static void connectorFromV221(ObjectNode connector, String where) {
        connector.remove("capabilities");
        ConnectorTypes.checkV221(connector.get("standard"), where + "standard");
    }

    public static void connectorToV221(ObjectNode connector, String where) {
        connector.remove("capabilities");
        ConnectorTypes.writeV221(connector.get("standard"), where + "standard");
    }

    /**
     * 2.3.0's location into the canonical form. The specification's examples write an EVSE's {@code parking} as a list
     * of parking ids where its text defines EVSEParking objects: such an id is read as the EVSEParking that names it.
     */
    public static void locationFromV230(ObjectNode location) {
        for (JsonNode evse : location.path("evses")) {
            if (evse instanceof ObjectNode object) {
                evseFromV230(object);
            }
        }
    }

    /** 2.3.0's EVSE into the canonical form: see {@link #locationFromV230}. */
    public static void evseFromV230(ObjectNode evse) {
        if (evse.get("parking") instanceof ArrayNode parking) {
            for (int i = 0; i < parking.size(); i++) {
                if (parking.get(i).isTextual()) {
                    parking.set(i, parking.objectNode().put("parking_id", parking.get(i).asText()));
                }
            }
        }
    }

    private static boolean isV230Restriction(JsonNode value) {
        return value.isTextual() && V2_3_0_RESTRICTIONS.stream().anyMatch(restriction -> restriction.name().equals(value.asText()));
    }
}
