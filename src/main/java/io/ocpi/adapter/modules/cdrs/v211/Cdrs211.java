package io.ocpi.adapter.modules.cdrs.v211;

import static io.ocpi.adapter.protocol.WireFields211.eachObject;
import static io.ocpi.adapter.protocol.WireFields211.invalid;
import static io.ocpi.adapter.protocol.WireFields211.nearest;
import static io.ocpi.adapter.protocol.WireFields211.untranslatable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.Party;
import java.util.Map;
import java.util.Set;

/**
 * What OCPI 2.1.1 Sessions and CDRs share, to and from the canonical form: the token named by its {@code auth_id},
 * the authorization method, charging periods, and the ids of the location, EVSE and connector of their whole 2.1.1
 * Location.
 */
public final class Cdrs211 {

    /** A session started by an eMSP's command was authorized by the eMSP: the nearest 2.1.1 method. */
    private static final Map<String, String> AUTH_METHOD_IN_211 = Map.of("COMMAND", "AUTH_REQUEST");
    /** The dimensions 2.1.1 measures; FLAT, which 2.2.1 dropped, measures nothing. */
    private static final Set<String> DIMENSIONS_IN_211 = Set.of("ENERGY", "MAX_CURRENT", "MIN_CURRENT", "PARKING_TIME", "TIME");

    private Cdrs211() {
    }

    /**
     * The canonical {@code cdr_token} of a 2.1.1 {@code auth_id}: 2.1.1 names a token only by the auth_id of the Token,
     * the canonical contract_id. The uid is not known, so the auth_id stands in for it, with type OTHER; the token's
     * issuer is {@code emsp}, the party the session or CDR is addressed to.
     */
    public static void authIdToCdrToken(ObjectNode node, Party emsp) {
        JsonNode authId = node.remove("auth_id");
        if (authId != null) {
            ObjectNode token = node.putObject("cdr_token");
            token.put("country_code", emsp.countryCode());
            token.put("party_id", emsp.partyId());
            token.set("uid", authId);
            token.put("type", "OTHER");
            token.set("contract_id", authId);
        }
    }

    /** The 2.1.1 {@code auth_id} of a canonical {@code cdr_token}: its contract_id. */
    public static void cdrTokenToAuthId(ObjectNode node) {
        JsonNode token = node.remove("cdr_token");
        if (token != null) {
            node.set("auth_id", token.get("contract_id"));
        }
    }

    public static void authMethodToWire(ObjectNode node) {
        nearest(node, "auth_method", AUTH_METHOD_IN_211);
    }

    /** 2.1.1 charging periods without their FLAT dimensions, which 2.2.1 has not; a period must keep one. */
    public static void chargingPeriodsToCanonical(ObjectNode node) {
        eachObject(node, "charging_periods", "", (period, at) -> {
            keepDimensions(period, type -> !type.equals("FLAT"));
            if (period.path("dimensions").isEmpty()) {
                throw invalid(at + "dimensions", "must hold a dimension other than FLAT");
            }
            return period;
        });
    }

    /**
     * Canonical charging periods in 2.1.1's shape: without their tariff_id, and with only the dimensions 2.1.1 measures
     * (power, state of charge, energy export and import, reservation time and the plain current are dropped).
     */
    public static void chargingPeriodsToWire(ObjectNode node) {
        eachObject(node, "charging_periods", "", (period, at) -> {
            period.remove("tariff_id");
            keepDimensions(period, DIMENSIONS_IN_211::contains);
            if (period.path("dimensions").isEmpty()) {
                throw untranslatable(at + "dimensions", "holds no dimension 2.1.1 measures");
            }
            return period;
        });
    }

    private static void keepDimensions(ObjectNode period, java.util.function.Predicate<String> kept) {
        if (period.get("dimensions") instanceof ArrayNode dimensions) {
            ArrayNode keep = JsonNodeFactory.instance.arrayNode();
            dimensions.forEach(dimension -> {
                if (kept.test(dimension.path("type").asText())) {
                    keep.add(dimension);
                }
            });
            period.set("dimensions", keep);
        }
    }

    /** The EVSE and connector of a 2.1.1 Location of a session or CDR: the first ones, it holds only those. */
    public static ObjectNode evseOf(JsonNode location) {
        return requireObject(location.path("evses").path(0), "location.evses[0]");
    }

    public static ObjectNode connectorOf(JsonNode location) {
        return requireObject(location.path("evses").path(0).path("connectors").path(0), "location.evses[0].connectors[0]");
    }

    private static ObjectNode requireObject(JsonNode node, String field) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw invalid(field, "required: the EVSE and connector used");
    }
}
