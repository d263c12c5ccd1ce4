package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON text written into a body as it is: stored objects go out without being parsed again.
 *
 * @param type the canonical type the text is an object of, so that a peer on another version gets it in that
 *             version's form ({@link WireForms}); null for text that no form writes
 */
@JsonSerialize(using = RawJson.Writer.class)
public record RawJson(String json, Class<?> type) {

    public RawJson(String json) {
        this(json, null);
    }

    /**
     * Writes the text as raw UTF-8. A page of stored objects is most of a response's bytes: the JDK encodes an ASCII
     * string to UTF-8 by copying it, where the generator's own raw writer encodes it character by character.
     */
    static final class Writer extends StdSerializer<RawJson> {

        Writer() {
            super(RawJson.class);
        }

        @Override
        public void serialize(RawJson value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeRawValue(new Utf8(value.json()));
        }
    }

    /** The text with its UTF-8 bytes made up front, as a byte-writing generator asks for them. */
    private static final class Utf8 extends SerializedString {

        Utf8(String text) {
            super(text);
            _unquotedUTF8Ref = text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
