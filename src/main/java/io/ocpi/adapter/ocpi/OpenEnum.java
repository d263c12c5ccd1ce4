package io.ocpi.adapter.ocpi;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A value of an OCPI OpenEnum: one of the values the specification names (the constants of the subclass), or, where
 * the version a body speaks leaves the enum open (2.3.0, which lets implementers use values of their own beside the
 * known ones), any other text, kept as it is.
 * <p>
 * Reading JSON, an unknown value is refused as an enum's would be ({@code unknown value 'X', expected one of [...]})
 * when the reader's attribute {@code VersionNumber.class} names a version in which the enums are closed (2.1.1,
 * 2.2.1): peers' bodies are read so. Without that attribute, e.g. our own stored objects, it is kept.
 */
@JsonDeserialize(using = OpenEnum.Reader.class)
public abstract class OpenEnum {

    private static final Map<Class<?>, Values<?>> VALUES = new ConcurrentHashMap<>();

    private final String name;

    protected OpenEnum(String name) {
        this.name = name;
    }

    /** The value as OCPI writes it. */
    @JsonValue
    public String name() {
        return name;
    }

    /** Whether this is one of the values the specification names. */
    public boolean known() {
        return values(getClass()).known.containsKey(name);
    }

    /** Whether a body in {@code version} may hold values the specification does not name. */
    public static boolean openIn(VersionNumber version) {
        return version == VersionNumber.V2_3_0;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((OpenEnum) other).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }

    private static Values<?> values(Class<?> type) {
        Values<?> values = VALUES.get(type);
        if (values == null) {
            // A type's values are declared when the class is initialised, which reading JSON into it does not do.
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            values = VALUES.get(type);
        }
        if (values == null) {
            throw new IllegalStateException(type.getSimpleName() + " declares no values");
        }
        return values;
    }

    /** The known values of one OpenEnum type, declared by its constants in order, and how it makes the others. */
    protected static final class Values<T extends OpenEnum> {
        private final Map<String, T> known = new LinkedHashMap<>();
        private final Function<String, T> make;

        public Values(Class<T> type, Function<String, T> make) {
            this.make = make;
            VALUES.put(type, this);
        }

        /** Declares a known value. */
        public T known(String name) {
            T value = make.apply(name);
            known.put(name, value);
            return value;
        }

        /** The known value of the name, or an unknown one. */
        public T of(String name) {
            T value = known.get(name);
            return value != null ? value : make.apply(name);
        }

        /**
         * The known value of the name.
         *
         * @throws IllegalArgumentException when the specification names no such value
         */
        public T valueOf(String name) {
            T value = known.get(name);
            if (value == null) {
                throw new IllegalArgumentException("unknown value '" + name + "'");
            }
            return value;
        }

        /** The known values, in the order they are declared. */
        public List<T> all() {
            return List.copyOf(known.values());
        }
    }

    /** Reads an OpenEnum value from a JSON string; see the class description for unknown values. */
    static final class Reader extends JsonDeserializer<OpenEnum> implements ContextualDeserializer {
        private final Class<?> type;

        Reader() {
            this(null);
        }

        private Reader(Class<?> type) {
            this.type = type;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return new Reader(context.getContextualType().getRawClass());
        }

        @Override
        public OpenEnum deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (OpenEnum) context.handleUnexpectedToken(String.class, parser);
            }
            String name = context.readValue(parser, String.class);
            Values<?> values = values(type);
            OpenEnum value = values.of(name);
            if (!value.known() && context.getAttribute(VersionNumber.class) instanceof VersionNumber version && !openIn(version)) {
                throw JsonMappingException.from(parser, "unknown value '" + name + "', expected one of " + values.all());
            }
            return value;
        }
    }
}
