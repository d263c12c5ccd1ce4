package io.ocpi.adapter.bindings.sap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IDoc as JSON, the shape mappings write and read, so that a mapping file (not Java) decides every field:
 * <pre>
 * {"control": {"DOCNUM": "0000000000000042", "SNDPRN": "OCPI", ...},
 *  "Z1CDRHD": {"CDR_ID": "CDR1", ...,
 *              "Z1CDRTK": {...},
 *              "Z1CDRPR": [{"START_TS": "20240101100000", "Z1CDRDM": [{...}, {...}]}]}}
 * </pre>
 * A key named like a segment of the IDoc type holds that segment (an object) or its repetitions (an array), nested
 * under its parent; every other key of a segment is one of its fields. Numbers and booleans become text.
 */
final class IdocJson {

    private final ObjectMapper json;

    IdocJson(ObjectMapper json) {
        this.json = json;
    }

    Idoc toIdoc(JsonNode document, IdocType type) {
        if (!(document instanceof ObjectNode root)) {
            throw new IdocFormatException("an IDoc must be a JSON object with 'control' and its top segments, not " + document.getNodeType());
        }
        Map<String, String> control = new LinkedHashMap<>();
        root.path("control").fields().forEachRemaining(field -> control.put(field.getKey(), text(field.getValue())));
        List<Idoc.Segment> segments = new ArrayList<>();
        root.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("control")) {
                segmentsOf(field.getKey(), field.getValue(), null, 0, 1, type, segments);
            }
        });
        return new Idoc(IdocFlatFile.control(type, control), segments);
    }

    private void segmentsOf(String name, JsonNode value, String parentName, int parent, int level, IdocType type, List<Idoc.Segment> out) {
        IdocType.Segment layout = type.segments().get(name);
        if (layout == null) {
            throw new IdocFormatException(parentName == null
                    ? "'" + name + "' is not a segment of " + type.name()
                    : "'" + name + "' is neither a field nor a child segment of " + parentName + " in " + type.name());
        }
        if (value.isArray()) {
            for (JsonNode one : value) {
                segmentsOf(name, one, parentName, parent, level, type, out);
            }
            return;
        }
        if (!value.isObject()) {
            throw new IdocFormatException("segment " + name + " must be an object or an array of objects");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int number = out.size() + 1;
        Idoc.Segment segment = new Idoc.Segment(name, number, parent, level, fields);
        out.add(segment);
        List<Map.Entry<String, JsonNode>> children = new ArrayList<>();
        value.fields().forEachRemaining(field -> {
            boolean isField = layout.fields().stream().anyMatch(f -> f.name().equals(field.getKey()));
            if (isField) {
                if (!field.getValue().isNull()) {
                    fields.put(field.getKey(), text(field.getValue()));
                }
            } else {
                children.add(field);
            }
        });
        for (Map.Entry<String, JsonNode> child : children) {
            IdocType.Segment childLayout = type.segments().get(child.getKey());
            if (childLayout == null || !name.equals(childLayout.parent())) {
                throw new IdocFormatException("'" + child.getKey() + "' is neither a field nor a child segment of " + name + " in " + type.name());
            }
            segmentsOf(child.getKey(), child.getValue(), name, number, level + 1, type, out);
        }
    }

    /** The JSON of an IDoc; a segment that may repeat is always an array, so that a mapping need not guess. */
    ObjectNode toJson(Idoc idoc, IdocType type) {
        ObjectNode root = json.createObjectNode();
        ObjectNode control = root.putObject("control");
        idoc.control().forEach((field, value) -> {
            if (!value.isEmpty()) {
                control.put(field, value);
            }
        });
        Map<Integer, ObjectNode> byNumber = new HashMap<>();
        for (Idoc.Segment segment : idoc.segments()) {
            ObjectNode node = json.createObjectNode();
            segment.fields().forEach(node::put);
            ObjectNode parent = segment.parent() == 0 ? root : byNumber.get(segment.parent());
            if (parent == null) {
                throw new IdocFormatException("segment " + segment.number() + " (" + segment.name() + ") names parent " + segment.parent()
                        + ", which does not come before it");
            }
            IdocType.Segment layout = type.segments().get(segment.name());
            JsonNode present = parent.get(segment.name());
            if (layout != null && layout.repeats()) {
                (present instanceof ArrayNode many ? many : parent.putArray(segment.name())).add(node);
            } else if (present != null) {
                throw new IdocFormatException("segment " + segment.number() + ": " + segment.name() + " occurs twice under one parent; "
                        + type.name() + " does not let it repeat");
            } else {
                parent.set(segment.name(), node);
            }
            byNumber.put(segment.number(), node);
        }
        return root;
    }

    private static String text(JsonNode value) {
        return value.isNull() ? "" : value.asText();
    }
}
