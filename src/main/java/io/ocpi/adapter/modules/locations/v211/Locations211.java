package io.ocpi.adapter.modules.locations.v211;

import static io.ocpi.adapter.protocol.WireFields211.dropValues;
import static io.ocpi.adapter.protocol.WireFields211.eachObject;
import static io.ocpi.adapter.protocol.WireFields211.invalid;
import static io.ocpi.adapter.protocol.WireFields211.isWhole;
import static io.ocpi.adapter.protocol.WireFields211.nearest;
import static io.ocpi.adapter.protocol.WireFields211.object;
import static io.ocpi.adapter.protocol.WireFields211.refuseValues;
import static io.ocpi.adapter.protocol.WireFields211.removeOwner;
import static io.ocpi.adapter.protocol.WireFields211.rename;
import static io.ocpi.adapter.protocol.WireFields211.setOwner;
import static io.ocpi.adapter.protocol.WireFields211.untranslatable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.OcpiJson;
import io.ocpi.adapter.protocol.WireForm.UntranslatableException;
import io.ocpi.adapter.store.ObjectStore;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OCPI 2.1.1 Locations, EVSEs and Connectors to and from the canonical form, for the locations module's forms and for
 * the Sessions and CDRs that carry a whole 2.1.1 Location. Each translation changes the object it is given, in place.
 */
public final class Locations211 {

    /** 2.1.1 LocationType to 2.2.1 ParkingType; OTHER and UNKNOWN have no ParkingType, which is optional. */
    private static final Map<String, String> PARKING_TYPE_OF_TYPE = Map.of(
            "ON_STREET", "ON_STREET", "PARKING_GARAGE", "PARKING_GARAGE",
            "UNDERGROUND_GARAGE", "UNDERGROUND_GARAGE", "PARKING_LOT", "PARKING_LOT");
    private static final Set<String> TYPES_WITHOUT_PARKING_TYPE = Set.of("OTHER", "UNKNOWN");
    /** 2.2.1 ParkingType to 2.1.1 LocationType: the two kinds 2.1.1 lacks are "none of the given possibilities". */
    private static final Map<String, String> TYPE_OF_PARKING_TYPE = Map.of(
            "ON_STREET", "ON_STREET", "PARKING_GARAGE", "PARKING_GARAGE",
            "UNDERGROUND_GARAGE", "UNDERGROUND_GARAGE", "PARKING_LOT", "PARKING_LOT",
            "ALONG_MOTORWAY", "OTHER", "ON_DRIVEWAY", "OTHER");
    /** 2.2.1 facilities 2.1.1 does not list: informative only, dropped. */
    private static final Set<String> FACILITIES_NOT_IN_211 = Set.of("BIKE_SHARING", "TRAM_STOP", "METRO_STATION", "PARKING_LOT");
    /** 2.2.1 capabilities 2.1.1 does not list: dropped, 2.1.1 peers know nothing of them. */
    private static final Set<String> CAPABILITIES_NOT_IN_211 = Set.of("CHARGING_PREFERENCES_CAPABLE", "CHIP_CARD_SUPPORT",
            "CONTACTLESS_CARD_SUPPORT", "DEBIT_CARD_PAYABLE", "PED_TERMINAL", "START_SESSION_CONNECTOR_REQUIRED", "TOKEN_GROUP_CAPABLE");
    /** 2.2.1 connector standards 2.1.1 does not list: no plug of 2.1.1 fits them. */
    private static final Set<String> STANDARDS_NOT_IN_211 = Set.of("CHAOJI", "DOMESTIC_M", "DOMESTIC_N", "DOMESTIC_O",
            "GBT_AC", "GBT_DC", "NEMA_5_20", "NEMA_6_30", "NEMA_6_50", "NEMA_10_30", "NEMA_10_50", "NEMA_14_30", "NEMA_14_50",
            "PANTOGRAPH_BOTTOM_UP", "PANTOGRAPH_TOP_DOWN");
    /** Two-phase AC, which 2.1.1 does not name, is written as single-phase AC, the nearest. */
    private static final Map<String, String> POWER_TYPE_IN_211 = Map.of("AC_2_PHASE", "AC_1_PHASE", "AC_2_PHASE_SPLIT", "AC_1_PHASE");

    private static final ObjectMapper JSON = OcpiJson.newMapper();

    private Locations211() {
    }

    /**
     * The stored canonical Location {@code owner} has under {@code locationId}, reduced to the one EVSE and connector a
     * session or CDR took place at, still canonical: 2.1.1 Sessions and CDRs carry that whole Location, written with
     * {@link #embeddedToWire}.
     *
     * @throws UntranslatableException naming {@code field} when the store does not have that location, EVSE and
     *                                 connector
     */
    public static ObjectNode stored(ObjectStore store, Party owner, String locationId, String evseUid, String connectorId,
            String field) {
        ObjectNode location = store.find(ObjectKey.of(ModuleId.LOCATIONS, owner, locationId))
                .map(Locations211::parse)
                .orElseThrow(() -> untranslatable(field, "2.1.1 carries the whole Location " + locationId + " of " + owner
                        + ", which is not stored"));
        ObjectNode evse = only(location, "evses", "uid", evseUid)
                .orElseThrow(() -> untranslatable(field, "location " + locationId + " has no EVSE " + evseUid));
        ObjectNode connector = only(evse, "connectors", "id", connectorId)
                .orElseThrow(() -> untranslatable(field, "EVSE " + evseUid + " has no connector " + connectorId));
        evse.set("connectors", JsonNodeFactory.instance.arrayNode().add(connector));
        location.set("evses", JsonNodeFactory.instance.arrayNode().add(evse));
        // Whether the location is listed publicly does not matter to the party of the session or CDR.
        location.remove("publish");
        location.remove("publish_allowed_to");
        return location;
    }

    /**
     * A canonical Location a session or CDR carries in 2.1.1's shape; what cannot be written is named under
     * {@code field}, the session's or CDR's field.
     */
    public static ObjectNode embeddedToWire(ObjectNode location, String field) {
        try {
            locationToWire(location);
            return location;
        } catch (UntranslatableException e) {
            throw new UntranslatableException(field + "." + e.getMessage());
        }
    }

    private static Optional<ObjectNode> only(ObjectNode parent, String list, String idField, String id) {
        for (JsonNode item : parent.path(list)) {
            if (item instanceof ObjectNode object && id != null && id.equalsIgnoreCase(object.path(idField).asText())) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    private static ObjectNode parse(String body) {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 2.1.1 Location owned by {@code owner}, whole (it has its {@code id}) or partial, in the canonical form. A whole
     * one without {@code time_zone} gets the one {@code timeZones} gives its {@code country} (ISO 3166-1 alpha-3,
     * upper case), the setting {@code ocpi.time-zones}.
     */
    public static void locationToCanonical(ObjectNode location, Party owner, Map<String, ZoneId> timeZones) {
        if (isWhole(location, "id")) {
            setOwner(location, owner);
            // 2.1.1 has no private locations: every one is published to all.
            location.put("publish", true);
            if (!location.hasNonNull("time_zone")) {
                String country = location.path("country").asText().toUpperCase(Locale.ROOT);
                ZoneId zone = timeZones.get(country);
                if (zone == null) {
                    throw invalid("time_zone", "required in the canonical form, and the time zone of country '" + country
                            + "' is not configured: send time_zone, or set ocpi.time-zones." + country + " to its IANA zone id");
                }
                location.put("time_zone", zone.getId());
            }
        }
        JsonNode type = location.remove("type");
        if (type != null) {
            if (PARKING_TYPE_OF_TYPE.containsKey(type.asText())) {
                location.put("parking_type", PARKING_TYPE_OF_TYPE.get(type.asText()));
            } else if (!TYPES_WITHOUT_PARKING_TYPE.contains(type.asText())) {
                throw invalid("type", "must be one of ON_STREET, PARKING_GARAGE, UNDERGROUND_GARAGE, PARKING_LOT, OTHER, UNKNOWN");
            }
        }
        object(location, "opening_times", "", (hours, at) -> {
            // 2.1.1 gives either regular_hours or twentyfourseven; the canonical Hours always says twentyfourseven.
            if (!hours.has("twentyfourseven") && hours.has("regular_hours")) {
                hours.put("twentyfourseven", false);
            }
            return hours;
        });
        object(location, "energy_mix", "", (mix, at) -> energyMixToCanonical(mix));
        eachObject(location, "evses", "", (evse, at) -> evseTo221(evse));
        LocationShapes.locationFromV221(location);
    }

    /** A canonical Location, whole or partial, in 2.1.1's shape: first 2.2.1's (see {@link LocationShapes}), then 2.1.1's. */
    public static void locationToWire(ObjectNode location) {
        boolean whole = isWhole(location, "id");
        LocationShapes.locationToV221(location);
        if (location.path("publish").isBoolean() && !location.get("publish").asBoolean()) {
            throw untranslatable("publish", "2.1.1 has no unpublished locations; it would show this one to everyone");
        }
        removeOwner(location);
        location.remove("publish");
        location.remove("publish_allowed_to");
        location.remove("state");
        JsonNode parkingType = location.remove("parking_type");
        if (parkingType != null) {
            location.put("type", TYPE_OF_PARKING_TYPE.getOrDefault(parkingType.asText(), "OTHER"));
        } else if (whole) {
            location.put("type", "UNKNOWN");
        }
        if (whole && !location.hasNonNull("postal_code")) {
            throw untranslatable("postal_code", "required in 2.1.1");
        }
        dropValues(location, "facilities", FACILITIES_NOT_IN_211);
        object(location, "energy_mix", "", (mix, at) -> energyMixToWire(mix));
        eachObject(location, "evses", "", Locations211::evseTo211);
    }

    /** A 2.1.1 EnergyMix, of a location or a tariff: its environmental impacts name their category {@code source}. */
    public static ObjectNode energyMixToCanonical(ObjectNode mix) {
        eachObject(mix, "environ_impact", "", (impact, at) -> {
            rename(impact, "source", "category");
            return impact;
        });
        return mix;
    }

    public static ObjectNode energyMixToWire(ObjectNode mix) {
        eachObject(mix, "environ_impact", "", (impact, at) -> {
            rename(impact, "category", "source");
            return impact;
        });
        return mix;
    }

    /** A 2.1.1 EVSE, whole or partial, in the canonical form. */
    public static void evseToCanonical(ObjectNode evse) {
        evseTo221(evse);
        LocationShapes.evseFromV221(evse, "");
    }

    /** A canonical EVSE, whole or partial, in 2.1.1's shape: first 2.2.1's (see {@link LocationShapes}), then 2.1.1's. */
    public static void evseToWire(ObjectNode evse) {
        LocationShapes.evseToV221(evse, "");
        evseTo211(evse, "");
    }

    /** A 2.1.1 Connector, whole or partial, in the canonical form. */
    public static void connectorToCanonical(ObjectNode connector) {
        connectorTo221(connector);
        LocationShapes.connectorFromV221(connector, "");
    }

    /** A canonical Connector, whole or partial, in 2.1.1's shape: first 2.2.1's (see {@link LocationShapes}), then 2.1.1's. */
    public static void connectorToWire(ObjectNode connector) {
        LocationShapes.connectorToV221(connector, "");
        connectorTo211(connector, "");
    }

    // The steps between 2.1.1 and 2.2.1; at is its path in the body for messages.

    private static ObjectNode evseTo221(ObjectNode evse) {
        eachObject(evse, "connectors", "", (connector, at) -> connectorTo221(connector));
        return evse;
    }

    private static ObjectNode evseTo211(ObjectNode evse, String at) {
        dropValues(evse, "capabilities", CAPABILITIES_NOT_IN_211);
        eachObject(evse, "connectors", at, Locations211::connectorTo211);
        return evse;
    }

    private static ObjectNode connectorTo221(ObjectNode connector) {
        rename(connector, "voltage", "max_voltage");
        rename(connector, "amperage", "max_amperage");
        JsonNode tariff = connector.remove("tariff_id");
        if (tariff != null) {
            connector.set("tariff_ids", tariff.isNull() ? JsonNodeFactory.instance.arrayNode()
                    : JsonNodeFactory.instance.arrayNode().add(tariff));
        }
        return connector;
    }

    private static ObjectNode connectorTo211(ObjectNode connector, String at) {
        refuseValues(connector, "standard", STANDARDS_NOT_IN_211, at + "standard");
        nearest(connector, "power_type", POWER_TYPE_IN_211);
        rename(connector, "max_voltage", "voltage");
        rename(connector, "max_amperage", "amperage");
        // 2.1.1 has no max_electric_power: voltage and amperage say the same.
        connector.remove("max_electric_power");
        JsonNode tariffs = connector.remove("tariff_ids");
        if (tariffs instanceof ArrayNode ids && !ids.isEmpty()) {
            // 2.1.1 holds one tariff per connector: the first one listed.
            connector.set("tariff_id", ids.get(0));
        }
        return connector;
    }
}
