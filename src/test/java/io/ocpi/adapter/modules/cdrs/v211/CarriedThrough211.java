package io.ocpi.adapter.modules.cdrs.v211;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.Party;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What of the parts Sessions and CDRs share comes back through 2.1.1, for the tests of both forms. */
public final class CarriedThrough211 {

    private static final Set<String> DIMENSIONS_IN_211 = Set.of("ENERGY", "MAX_CURRENT", "MIN_CURRENT", "PARKING_TIME", "TIME");

    private CarriedThrough211() {
    }

    /**
     * The shared parts of a canonical Session or CDR as they come back: the owner upper-case; the token as its
     * auth_id (contract_id) names it, issued by {@code emsp}; COMMAND authorization as AUTH_REQUEST; charging periods
     * without tariff_id and with only the dimensions 2.1.1 measures; the total cost excluding VAT only.
     */
    public static void sharedParts(ObjectNode object, Party emsp) {
        upperCaseOwner(object);
        object.remove("authorization_reference");
        JsonNode token = object.remove("cdr_token");
        if (token != null) {
            object.putObject("cdr_token").put("country_code", emsp.countryCode()).put("party_id", emsp.partyId())
                    .put("uid", token.get("contract_id").asText()).put("type", "OTHER").put("contract_id", token.get("contract_id").asText());
        }
        if (object.path("auth_method").asText().equals("COMMAND")) {
            object.put("auth_method", "AUTH_REQUEST");
        }
        for (JsonNode period : object.path("charging_periods")) {
            ((ObjectNode) period).remove("tariff_id");
            ArrayNode dimensions = (ArrayNode) period.get("dimensions");
            for (int i = dimensions.size() - 1; i >= 0; i--) {
                if (!DIMENSIONS_IN_211.contains(dimensions.get(i).path("type").asText())) {
                    dimensions.remove(i);
                }
            }
        }
        if (object.get("total_cost") instanceof ObjectNode cost) {
            cost.remove("incl_vat");
        }
    }

    /** The charging period a canonical Session or CDR cannot be written in 2.1.1 for, or null. */
    public static String untranslatablePeriod(ObjectNode object) {
        JsonNode periods = object.path("charging_periods");
        for (int i = 0; i < periods.size(); i++) {
            boolean measured = false;
            for (JsonNode dimension : periods.get(i).path("dimensions")) {
                measured |= DIMENSIONS_IN_211.contains(dimension.path("type").asText());
            }
            if (!measured) {
                return "charging_periods[" + i + "].dimensions";
            }
        }
        return null;
    }

    /**
     * Whether the token's contract_id can stand in for its uid, which must fit in a URL path segment: when it cannot,
     * the 2.1.1 body is refused naming {@code cdr_token.uid}.
     */
    public static boolean contractIdIsAUid(ObjectNode object) {
        String contractId = object.at("/cdr_token/contract_id").asText();
        return !contractId.matches(".*[/\\\\%;].*") && !contractId.equals(".") && !contractId.equals("..");
    }

    public static void upperCaseOwner(ObjectNode object) {
        for (String field : List.of("country_code", "party_id")) {
            if (object.has(field)) {
                object.put(field, object.get(field).asText().toUpperCase(Locale.ROOT));
            }
        }
    }

    public static Party owner(ObjectNode object) {
        return new Party(object.get("country_code").asText(), object.get("party_id").asText());
    }

    public static Party tokenIssuer(ObjectNode object) {
        return new Party(object.at("/cdr_token/country_code").asText(), object.at("/cdr_token/party_id").asText());
    }
}
