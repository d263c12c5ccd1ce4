package io.ocpi.adapter.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiDateTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The objects of one OCPI version as its text describes them, to judge a peer's objects by without our own model:
 * for each object (a module's identifier, or {@code authorization_info}) the fields it requires and the JSON type of
 * each field (string, datetime, number, int, boolean, object, array), by path. {@code evses[].connectors[].voltage} is
 * the voltage of every connector of every EVSE; a required field is required wherever its parent is present. Read
 * from {@code probe/<version>/objects.json}, written from the version's object tables.
 */
final class ObjectRules implements PeerObjects {

    private final VersionNumber version;
    private final JsonNode rules;

    private ObjectRules(VersionNumber version, JsonNode rules) {
        this.version = version;
        this.rules = rules;
    }

    static ObjectRules read(ObjectMapper json, VersionNumber version) {
        String resource = "probe/" + version.text() + "/objects.json";
        try (InputStream in = ObjectRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the object tables " + resource + " are missing from the jar");
            }
            return new ObjectRules(version, json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return "the fields and types of OCPI " + version.text() + "'s object tables";
    }

    /** Each required field missing (or null), and each value of another type than the table's, naming the field. */
    @Override
    public List<String> violations(String object, JsonNode node) {
        JsonNode rule = rule(object);
        List<String> found = new ArrayList<>();
        for (JsonNode required : rule.path("required")) {
            List<String> path = segments(required.asText());
            String field = path.get(path.size() - 1);
            resolve(node, path.subList(0, path.size() - 1), "", (at, parent) -> {
                JsonNode value = parent.isObject() ? parent.get(field) : null;
                if (value == null || value.isNull()) {
                    found.add((at.isEmpty() ? field : at + "." + field) + " is missing, and required");
                }
            });
        }
        for (Iterator<Map.Entry<String, JsonNode>> types = rule.path("types").fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            String wanted = type.getValue().asText();
            resolve(node, segments(type.getKey()), "", (at, value) -> {
                if (!isA(value, wanted)) {
                    found.add(at + " is " + value + ", not " + (wanted.equals("int") || wanted.equals("array") || wanted.equals("object") ? "an " : "a ") + wanted);
                }
            });
        }
        return found;
    }

    /** The int fields holding a number with a fraction, e.g. {@code evses[0].connectors[0].voltage is 230.5}. */
    @Override
    public List<String> fractions(String object, JsonNode node) {
        List<String> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> types = rule(object).path("types").fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (type.getValue().asText().equals("int")) {
                resolve(node, segments(type.getKey()), "", (at, value) -> {
                    if (value.isNumber() && !value.isIntegralNumber() && value.decimalValue().stripTrailingZeros().scale() > 0) {
                        found.add(at + " is " + value.asText());
                    }
                });
            }
        }
        return found;
    }

    /** The object as sent: read-backs are compared field by field, numbers by value and DateTimes by instant. */
    @Override
    public JsonNode comparable(String object, JsonNode node) {
        return node;
    }

    private JsonNode rule(String object) {
        JsonNode rule = rules.get(object);
        if (rule == null) {
            throw new IllegalArgumentException("OCPI " + version.text() + " has no object table for " + object);
        }
        return rule;
    }

    /** A wrong-typed int (a fraction) is told by {@link #fractions}; here only what is no number at all. */
    private static boolean isA(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "datetime" -> value.isTextual() && isDateTime(value.asText());
            case "number", "int" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> throw new IllegalStateException("unknown type " + type + " in the object tables");
        };
    }

    private static boolean isDateTime(String text) {
        try {
            OcpiDateTime.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<String> segments(String path) {
        return Arrays.asList(path.split("\\."));
    }

    /**
     * Every value at {@code path} below {@code node} that is present and not null, with where it is
     * ({@code evses[1].connectors[0].voltage}); a segment {@code name[]} goes into each element of that list.
     */
    private static void resolve(JsonNode node, List<String> path, String at, BiConsumer<String, JsonNode> found) {
        if (path.isEmpty()) {
            found.accept(at, node);
            return;
        }
        String segment = path.get(0);
        boolean each = segment.endsWith("[]");
        String name = each ? segment.substring(0, segment.length() - 2) : segment;
        JsonNode child = node.isObject() ? node.get(name) : null;
        if (child == null || child.isNull()) {
            return;
        }
        String here = at.isEmpty() ? name : at + "." + name;
        List<String> rest = path.subList(1, path.size());
        if (!each) {
            resolve(child, rest, here, found);
        } else if (child.isArray()) {
            for (int i = 0; i < child.size(); i++) {
                resolve(child.get(i), rest, here + "[" + i + "]", found);
            }
        }
    }
}
