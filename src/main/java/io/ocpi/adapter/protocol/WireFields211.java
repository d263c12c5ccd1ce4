package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.WireForm.UntranslatableException;
import java.util.Map;
import java.util.Set;

/**
 * The field operations the OCPI 2.1.1 {@link WireForm}s of every module are made of: renaming, the owner 2.1.1 objects
 * do not name, amounts as prices, nested objects and lists, and enum values between the versions.
 *
 * <p>Whole or partial: a 2.1.1 body is whole when it holds its object's id field ({@code id}, or {@code uid} for EVSEs
 * and tokens); a PATCH changes an object it names in its URL and does not repeat the id. Only a whole body gets
 * derived or defaulted fields; a partial one is translated field by field.
 */
public final class WireFields211 {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private WireFields211() {
    }

    public static boolean isWhole(ObjectNode body, String idField) {
        return body.hasNonNull(idField);
    }

    /** Moves {@code from} to {@code to}, when present. */
    public static void rename(ObjectNode node, String from, String to) {
        if (node.has(from)) {
            node.set(to, node.remove(from));
        }
    }

    /** The owner 2.2.1 objects name and 2.1.1 objects do not. */
    public static void setOwner(ObjectNode canonical, Party owner) {
        canonical.put("country_code", owner.countryCode());
        canonical.put("party_id", owner.partyId());
    }

    public static Party owner(ObjectNode canonical) {
        return new Party(canonical.path("country_code").asText(), canonical.path("party_id").asText());
    }

    public static void removeOwner(ObjectNode canonical) {
        canonical.remove("country_code");
        canonical.remove("party_id");
    }

    /** A 2.1.1 amount, a number excluding VAT, as a 2.2.1 Price. */
    public static void numberToPrice(ObjectNode node, String field) {
        JsonNode amount = node.get(field);
        if (amount != null && amount.isNumber()) {
            node.set(field, JSON.objectNode().set("excl_vat", amount));
        }
    }

    /** A 2.2.1 Price as the 2.1.1 amount excluding VAT; the amount including VAT has no place in 2.1.1. */
    public static void priceToNumber(ObjectNode node, String field) {
        JsonNode price = node.get(field);
        if (price != null && price.isObject()) {
            node.set(field, price.get("excl_vat"));
        }
    }

    /** A translation of one nested object; {@code at} is its path for messages, e.g. {@code evses[0].}. */
    @FunctionalInterface
    public interface Nested {
        ObjectNode apply(ObjectNode value, String at);
    }

    /** Each object of the list {@code field}, when present, replaced by its translation. */
    public static void eachObject(ObjectNode node, String field, String at, Nested translate) {
        JsonNode list = node.get(field);
        if (list instanceof ArrayNode items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof ObjectNode item) {
                    items.set(i, translate.apply(item, at + field + "[" + i + "]."));
                }
            }
        }
    }

    /** The object {@code field}, when present, replaced by {@code translate} of it. */
    public static void object(ObjectNode node, String field, String at, Nested translate) {
        if (node.get(field) instanceof ObjectNode value) {
            node.set(field, translate.apply(value, at + field + "."));
        }
    }

    /** An enum value written as its nearest in the other version; values not in {@code nearest} stay as they are. */
    public static void nearest(ObjectNode node, String field, Map<String, String> nearest) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual() && nearest.containsKey(value.asText())) {
            node.put(field, nearest.get(value.asText()));
        }
    }

    /** A list of enum values without those the other version does not have. */
    public static void dropValues(ObjectNode node, String field, Set<String> absent) {
        if (node.get(field) instanceof ArrayNode values) {
            ArrayNode kept = JSON.arrayNode();
            values.forEach(value -> {
                if (!absent.contains(value.asText())) {
                    kept.add(value);
                }
            });
            node.set(field, kept);
        }
    }

    /** Refuses an enum value that the other version has no counterpart for. */
    public static void refuseValues(ObjectNode node, String field, Set<String> absent, String path) {
        JsonNode value = node.get(field);
        if (value != null && absent.contains(value.asText())) {
            throw untranslatable(path, value.asText() + " has no counterpart in 2.1.1");
        }
    }

    public static OcpiException invalid(String field, String why) {
        return OcpiException.invalid(field + ": " + why);
    }

    public static UntranslatableException untranslatable(String field, String why) {
        return new UntranslatableException(field + ": " + why);
    }
}
