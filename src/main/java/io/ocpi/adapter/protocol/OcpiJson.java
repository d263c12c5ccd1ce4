package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;

/**
 * The one JSON mapping of the adapter: OCPI field names (snake_case), OCPI DateTime, no nulls written, unknown fields
 * read past (lenient to peers on newer revisions), duplicate keys and numbers-for-enums refused (a peer must not be
 * able to smuggle a second value past validation), and so is a string holding half of a UTF-16 surrogate pair
 * ({@code "\ud800"}): valid JSON, but no text, and no database or JSON writer can take it.
 */
public final class OcpiJson {

    private OcpiJson() {
    }

    public static ObjectMapper newMapper() {
        SimpleModule dateTime = new SimpleModule("ocpi-datetime")
                .addSerializer(Instant.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                        gen.writeString(OcpiDateTime.format(value));
                    }
                })
                .addDeserializer(Instant.class, new JsonDeserializer<>() {
                    @Override
                    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
                        }
                        try {
                            return OcpiDateTime.parse(parser.getText());
                        } catch (IllegalArgumentException e) {
                            return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(), e.getMessage());
                        }
                    }
                })
                .addDeserializer(String.class, new Text());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(dateTime)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
    }

    /**
     * The mapping of request bodies (OcpiBodies), and of everything else a peer or a route hands us as an OCPI object:
     * a number or boolean where the spec wants a string is refused, not turned into text; a string holding a control
     * character, a tab or a line break is refused, as the spec's string and CiString types are printable text; and a
     * fraction where the spec wants an int is refused, not cut off. Only there: the admin API reads
     * {@code {"peer": 1}} with the same mapper, and what is already stored is read as it was written.
     */
    public static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy();
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("ocpi-bodies")
                .addDeserializer(String.class, new PrintableText())
                .addDeserializer(Integer.class, new WholeNumber()));
        return strict;
    }

    /** Text as it is, unless it holds half of a surrogate pair. */
    private static class Text extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && hasUnpairedSurrogate(value)) {
                throw JsonMappingException.from(parser, "contains an unpaired surrogate (not Unicode text)");
            }
            return value;
        }
    }

    /** Text without control characters (C0, DEL, C1), tabs or line breaks (also U+2028 and U+2029). */
    private static final class PrintableText extends Text {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            int at = value == null ? -1 : firstUnprintable(value);
            if (at >= 0) {
                throw JsonMappingException.from(parser, String.format("must be printable text, without control characters or line breaks"
                        + " (U+%04X at position %d)", (int) value.charAt(at), at + 1));
            }
            return value;
        }
    }

    /** An int of the spec: a whole number, also when written with a zero fraction (230.0); never a fraction cut off. */
    private static final class WholeNumber extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (Integer) context.handleUnexpectedToken(Integer.class, parser);
            }
            try {
                return parser.getDecimalValue().intValueExact();
            } catch (ArithmeticException notAnInt) {
                throw JsonMappingException.from(parser, "must be a whole number, not " + parser.getText()
                        + " (an int, from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")");
            }
        }
    }

    /** Whether the text is printable as the spec's string types are: no control characters, tabs or line breaks. */
    public static boolean isPrintable(String text) {
        return firstUnprintable(text) < 0;
    }

    private static int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            int type = Character.getType(text.charAt(i));
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return i;
            }
        }
        return -1;
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
