package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where a {@link WireForm} can change a canonical object, by field: a field the form leaves out, a field whose text
 * values (one, or each of a list) it keeps only among those its version knows, and a field holding an object (or a
 * list of them) with differences of its own. {@link #foundIn} reads an object's JSON text for them as a stream,
 * without building a tree, and skips every field named here not: an object without them goes out as its text.
 * <p>
 * A form that declares its differences must declare every place {@link WireForm#toWire} may change; naming a place
 * it leaves alone only costs the object the form's full translation.
 */
public final class WireDifferences {

    private static final JsonFactory JSON = new JsonFactory();

    private sealed interface Difference permits Left, Within, Inside {
    }

    /** A field the form leaves out: present, with any value, it changes the object. */
    private record Left() implements Difference {
    }

    /** A field whose text values must be among {@code known}; any other value is left out, or refused. */
    private record Within(Set<String> known) implements Difference {
    }

    /** A field holding an object, or a list of objects, with differences of their own. */
    private record Inside(WireDifferences differences) implements Difference {
    }

    private final Map<String, Difference> fields = new HashMap<>();

    private WireDifferences() {
    }

    /** An object without differences yet; each method below adds one and returns this object. */
    public static WireDifferences of() {
        return new WireDifferences();
    }

    /** {@code field} is left out: present, it changes the object. */
    public WireDifferences leaves(String... field) {
        for (String name : field) {
            add(name, new Left());
        }
        return this;
    }

    /** {@code field}'s text values, one or each of a list, are written only when among {@code known}. */
    public WireDifferences within(String field, Collection<String> known) {
        return add(field, new Within(Set.copyOf(known)));
    }

    /** {@code field} holds an object, or a list of objects, with {@code differences} of their own. */
    public WireDifferences inside(String field, WireDifferences differences) {
        return add(field, new Inside(differences));
    }

    private WireDifferences add(String field, Difference difference) {
        if (fields.putIfAbsent(field, difference) != null) {
            throw new IllegalArgumentException("two differences at " + field);
        }
        return this;
    }

    /**
     * Whether the JSON text of an object (whole or partial) holds any of these differences. Text that is no JSON
     * object, or not well formed, is taken to hold them: the form's full translation decides about it.
     */
    public boolean foundIn(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return parser.nextToken() != JsonToken.START_OBJECT || inObject(parser) || parser.nextToken() != null;
        } catch (IOException notJson) {
            return true;
        }
    }

    /** The object the parser is at the start of, read to its end unless a difference is found first. */
    private boolean inObject(JsonParser parser) throws IOException {
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            Difference difference = fields.get(parser.currentName());
            JsonToken value = parser.nextToken();
            if (difference == null) {
                parser.skipChildren();
            } else if (difference instanceof Left) {
                return true;
            } else if (value == JsonToken.START_ARRAY) {
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    if (found(difference, parser, item)) {
                        return true;
                    }
                }
            } else if (found(difference, parser, value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one value (a field's, or an item of its list) holds the difference; read past when it does not. */
    private static boolean found(Difference difference, JsonParser parser, JsonToken value) throws IOException {
        if (difference instanceof Within within && value == JsonToken.VALUE_STRING) {
            return !within.known().contains(parser.getText());
        }
        if (difference instanceof Inside inside && value == JsonToken.START_OBJECT) {
            return inside.differences().inObject(parser);
        }
        parser.skipChildren();
        return false;
    }
}
