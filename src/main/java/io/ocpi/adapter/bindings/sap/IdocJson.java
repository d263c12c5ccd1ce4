package io.ocpi.adapter.bindings.sap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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

    /**
     * The IDocs of a JSON text: one IDoc, or an array of them. Read token by token rather than as a tree: a mapping's
     * output is read once per file, and the tree was a third of the time an IDoc took to write.
     */
    List<Idoc> toIdocs(String text, IdocType type) throws IOException {
        try (JsonParser parser = json.createParser(text)) {
            JsonToken first = parser.nextToken();
            List<Idoc> idocs = new ArrayList<>();
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    idocs.add(toIdoc(parser, type));
                }
            } else {
                idocs.add(toIdoc(parser, type));
            }
            if (parser.nextToken() != null) {
                throw new IdocFormatException("an IDoc's JSON has more after its end, at " + parser.currentLocation().offsetDescription());
            }
            return idocs;
        }
    }

    private Idoc toIdoc(JsonParser parser, IdocType type) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IdocFormatException("an IDoc must be a JSON object with 'control' and its top segments, not "
                    + (parser.currentToken() == null ? "nothing" : parser.getText()));
        }
        Map<String, String> control = new LinkedHashMap<>();
        List<Idoc.Segment> segments = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("control")) {
                readControl(parser, control);
                continue;
            }
            IdocType.Segment layout = type.segments().get(name);
            if (layout == null) {
                throw new IdocFormatException("'" + name + "' is not a segment of " + type.name());
            }
            if (layout.parent() != null) {
                throw new IdocFormatException("'" + name + "' is a child segment of " + layout.parent() + " in " + type.name()
                        + ", not a top segment");
            }
            segmentsOf(parser, layout, 0, 1, type, segments);
        }
        return new Idoc(IdocFlatFile.control(type, control), segments);
    }

    private static void readControl(JsonParser parser, Map<String, String> control) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IdocFormatException("'control' must be an object of EDI_DC40 fields");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            control.put(field, text(parser, "control", field));
        }
    }

    /** The segment (or the repetitions of it) the parser stands on, with every segment below it, in file order. */
    private void segmentsOf(JsonParser parser, IdocType.Segment layout, int parent, int level, IdocType type, List<Idoc.Segment> out)
            throws IOException {
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                segment(parser, layout, parent, level, type, out);
            }
        } else {
            segment(parser, layout, parent, level, type, out);
        }
    }

    private void segment(JsonParser parser, IdocType.Segment layout, int parent, int level, IdocType type, List<Idoc.Segment> out)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IdocFormatException("segment " + layout.name() + " must be an object or an array of objects");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int number = out.size() + 1;
        out.add(new Idoc.Segment(layout.name(), number, parent, level, fields));
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (layout.hasField(name)) {
                if (value != JsonToken.VALUE_NULL) {
                    fields.put(name, text(parser, layout.name(), name));
                }
                continue;
            }
            IdocType.Segment child = type.segments().get(name);
            if (child == null || !layout.name().equals(child.parent())) {
                throw new IdocFormatException("'" + name + "' is neither a field nor a child segment of " + layout.name() + " in " + type.name());
            }
            segmentsOf(parser, child, number, level + 1, type, out);
        }
    }

    private static String text(JsonParser parser, String record, String field) throws IOException {
        JsonToken value = parser.currentToken();
        if (value == JsonToken.VALUE_NULL) {
            return "";
        }
        if (!value.isScalarValue()) {
            throw new IdocFormatException(record + "." + field + " must be a text, a number or a boolean, not "
                    + (value.isStructStart() ? "an object or an array" : value));
        }
        return parser.getText();
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
}
