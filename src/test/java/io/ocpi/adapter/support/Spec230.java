package io.ocpi.adapter.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JSON examples of the OCPI 2.3.0 specification, and JSON read and compared as the 2.3.0 tests do. */
public final class Spec230 {

    /** The specification's examples, one JSON file each. */
    public static final Path EXAMPLES = Path.of("src/test/resources/spec-examples-2.3.0");
    public static final ObjectMapper JSON = ModelCheck.JSON;

    private Spec230() {
    }

    /** The example in file {@code name} of {@link #EXAMPLES}. */
    public static ObjectNode example(String name) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(EXAMPLES.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same JSON with its numbers compared by value ({@code 4}, {@code 4.0} and {@code 4.00} are one number). */
    public static JsonNode normal(JsonNode json) {
        if (json.isNumber()) {
            return DecimalNode.valueOf(json.decimalValue().stripTrailingZeros());
        }
        if (json instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.fields().forEachRemaining(field -> copy.set(field.getKey(), normal(field.getValue())));
            return copy;
        }
        if (json instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(item -> copy.add(normal(item)));
            return copy;
        }
        return json;
    }
}
