package io.ocpi.adapter.modules.locations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.TokenTypes;
import io.ocpi.adapter.ocpi.ImageCategory;
import io.ocpi.adapter.ocpi.OpenEnum;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireDifferences;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How a location, an EVSE and a connector are written in 2.2.1: without what 2.3.0 added to them (a location's
 * {@code parking_places} and {@code help_phone}, an EVSE's {@code parking} and {@code accepted_service_providers}, a
 * connector's {@code capabilities}). Values only 2.3.0 has are refused from a 2.2.1 peer, as any unknown value; to a
 * 2.2.1 peer a value 2.2.1 does not know (one 2.3.0 added, or any other a 2.3.0 peer gave an OpenEnum) is left out
 * where the field may go without it, and a connector standard or token type 2.2.1 does not know cannot be written. Each method changes the given JSON object in place, and {@code where} is the path of it
 * in the body, e.g. {@code evses[0].}.
 */
public final class LocationShapes {

    private static final List<ParkingRestriction> V2_3_0_RESTRICTIONS =
            List.of(ParkingRestriction.EMPLOYEES, ParkingRestriction.TAXIS, ParkingRestriction.TENANTS);

    /** The values 2.2.1 knows of each OpenEnum whose other values a 2.2.1 peer does not get. */
    private static final Set<String> PARKING_TYPES = inV221(ParkingType.values(), List.of());
    private static final Set<String> FACILITIES = inV221(Facility.values(), List.of());
    private static final Set<String> IMAGE_CATEGORIES = inV221(ImageCategory.values(), List.of());
    private static final Set<String> IMPACT_CATEGORIES = inV221(EnvironmentalImpactCategory.values(), List.of());
    private static final Set<String> CAPABILITIES = inV221(Capability.values(), List.of());
    private static final Set<String> PARKING_RESTRICTIONS = inV221(ParkingRestriction.values(), V2_3_0_RESTRICTIONS);

    private static final WireDifferences IMAGE_V221 = WireDifferences.of().within("category", IMAGE_CATEGORIES);

    /** Where {@link #connectorToV221} changes a connector. */
    public static final WireDifferences CONNECTOR_V221 = WireDifferences.of()
            .leaves("capabilities")
            .within("standard", ConnectorTypes.IN_V221);

    /** Where {@link #evseToV221} changes an EVSE. */
    public static final WireDifferences EVSE_V221 = WireDifferences.of()
            .leaves("parking", "accepted_service_providers")
            .within("capabilities", CAPABILITIES)
            .within("parking_restrictions", PARKING_RESTRICTIONS)
            .inside("images", IMAGE_V221)
            .inside("connectors", CONNECTOR_V221);

    /** Where {@link #locationToV221} changes a location. */
    public static final WireDifferences LOCATION_V221 = WireDifferences.of()
            .leaves("parking_places", "help_phone")
            .inside("publish_allowed_to", WireDifferences.of().within("type", TokenTypes.IN_V221))
            .within("parking_type", PARKING_TYPES)
            .within("facilities", FACILITIES)
            .inside("images", IMAGE_V221)
            .inside("operator", WireDifferences.of().inside("logo", IMAGE_V221))
            .inside("suboperator", WireDifferences.of().inside("logo", IMAGE_V221))
            .inside("owner", WireDifferences.of().inside("logo", IMAGE_V221))
            .inside("energy_mix", WireDifferences.of().inside("environ_impact", WireDifferences.of().within("category", IMPACT_CATEGORIES)))
            .inside("evses", EVSE_V221);

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

    /**
     * Besides the fields, values of OpenEnums that 2.2.1 does not know (kept from a 2.3.0 peer) are left out where
     * the field may go without them: a parking type, facilities, capabilities, parking restrictions, the environmental
     * impacts of the energy mix, and images (the category is required).
     */
    public static void locationToV221(ObjectNode location) {
        location.remove("parking_places");
        location.remove("help_phone");
        JsonNode allowed = location.path("publish_allowed_to");
        for (int i = 0; i < allowed.size(); i++) {
            TokenTypes.writeV221(allowed.get(i).get("type"), "publish_allowed_to[" + i + "].type");
        }
        if (location.has("parking_type") && !inV221(location.get("parking_type"), PARKING_TYPES)) {
            location.remove("parking_type");
        }
        keepOnly(location, "facilities", value -> inV221(value, FACILITIES));
        keepOnly(location, "images", LocationShapes::imageInV221);
        for (String business : List.of("operator", "suboperator", "owner")) {
            if (location.get(business) instanceof ObjectNode details && details.has("logo") && !imageInV221(details.get("logo"))) {
                details.remove("logo");
            }
        }
        if (location.get("energy_mix") instanceof ObjectNode mix) {
            keepOnly(mix, "environ_impact", impact -> inV221(impact.get("category"), IMPACT_CATEGORIES));
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
            JsonNode value = restrictions.get(i);
            if (V2_3_0_RESTRICTIONS.stream().anyMatch(restriction -> restriction.name().equals(value.asText()))) {
                throw OcpiException.invalid(where + "parking_restrictions[" + i + "]: unknown value '" + value.asText()
                        + "', expected one of " + Arrays.stream(ParkingRestriction.values()).filter(r -> !V2_3_0_RESTRICTIONS.contains(r)).toList());
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
        keepOnly(evse, "capabilities", value -> inV221(value, CAPABILITIES));
        keepOnly(evse, "parking_restrictions", value -> inV221(value, PARKING_RESTRICTIONS));
        keepOnly(evse, "images", LocationShapes::imageInV221);
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

    /** The values of an OpenEnum 2.2.1 knows: the known ones but those 2.3.0 added. */
    private static Set<String> inV221(OpenEnum[] known, List<? extends OpenEnum> addedIn230) {
        return Arrays.stream(known).filter(entry -> !addedIn230.contains(entry)).map(OpenEnum::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether {@code value} is no text, or one of the values 2.2.1 knows. */
    private static boolean inV221(JsonNode value, Set<String> inV221) {
        return value == null || !value.isTextual() || inV221.contains(value.asText());
    }

    private static boolean imageInV221(JsonNode image) {
        return inV221(image.get("category"), IMAGE_CATEGORIES);
    }

    /** The list at {@code field} with only the items {@code kept} accepts. */
    private static void keepOnly(ObjectNode holder, String field, Predicate<JsonNode> kept) {
        if (holder.get(field) instanceof ArrayNode items) {
            ArrayNode left = items.arrayNode();
            items.forEach(item -> {
                if (kept.test(item)) {
                    left.add(item);
                }
            });
            holder.set(field, left);
        }
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

}
