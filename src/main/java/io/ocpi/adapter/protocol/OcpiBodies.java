package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.ocpi.adapter.ocpi.OpenEnum;
import io.ocpi.adapter.ocpi.VersionNumber;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;
import org.springframework.stereotype.Component;

/**
 * Reads request bodies into OCPI objects and validates them (required fields, lengths, enums, nested objects).
 * Every failure becomes OCPI 2001 with a message that names the field the way the peer wrote it,
 * e.g. {@code roles[0].party_id: size must be between 3 and 3}.
 */
@Component
public class OcpiBodies {

    /** What a refusal's field names are compared with to find the peer's name for a field: no value a peer sends. */
    private static final String PROBE = "\u0000field";

    private final ObjectMapper mapper;
    private final Validator validator;
    private final WireForms forms;

    /** Bodies read as the canonical form alone. */
    public OcpiBodies(ObjectMapper mapper) {
        this(mapper, new WireForms(java.util.List.of()));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public OcpiBodies(ObjectMapper mapper, WireForms forms) {
        this.forms = forms;
        this.mapper = OcpiJson.strict(mapper);
        this.validator = Validation.byProvider(HibernateValidator.class)
                .configure()
                .propertyNodeNameProvider(new JsonNames(mapper))
                .buildValidatorFactory()
                .getValidator();
    }

    public <T> T read(InputStream body, Class<T> type) {
        return read(body, type, VersionNumber.CANONICAL);
    }

    /**
     * Reads a body a peer on {@code version} sent, in the canonical form: unknown values of OpenEnums are refused
     * unless the version leaves them open ({@link OpenEnum#openIn}).
     */
    public <T> T read(InputStream body, Class<T> type, VersionNumber version) {
        if (body == null) {
            throw OcpiException.notJson("request body: missing");
        }
        T value;
        try {
            value = reader(type, version).readValue(body);
        } catch (IOException e) {
            throw refusal(e);
        }
        if (value == null) {
            throw OcpiException.invalid("request body: must be a JSON object, not null");
        }
        validate(value);
        return value;
    }

    public <T> T read(byte[] body, Class<T> type) {
        return read(body, type, VersionNumber.CANONICAL);
    }

    public <T> T read(byte[] body, Class<T> type, VersionNumber version) {
        return read(body == null || body.length == 0 ? null : new java.io.ByteArrayInputStream(body), type, version);
    }

    /**
     * Reads a request's body as {@code type}: first made canonical by the type's {@link WireForm} for the version the
     * body is written in, when it has one. A refusal names each field as the peer wrote it, where the form says.
     */
    public <T> T read(RequestBody body, Class<T> type) {
        java.util.Optional<WireForm> form = forms.of(type, body.version());
        if (form.isEmpty()) {
            return read(body.bytes(), type, body.readAs());
        }
        try {
            return convert(form.get().toCanonical(readObject(body.bytes()), body.parties()), type, body.readAs());
        } catch (OcpiException refused) {
            throw asWritten(refused, form.get());
        }
    }

    /**
     * Reads a PATCH body of an object of {@code type}: the fields it gives, made canonical by the type's
     * {@link WireForm} for the body's version when it has one.
     */
    public com.fasterxml.jackson.databind.node.ObjectNode readObject(RequestBody body, Class<?> type) {
        com.fasterxml.jackson.databind.node.ObjectNode patch = readObject(body.bytes());
        java.util.Optional<WireForm> form = forms.of(type, body.version());
        if (form.isEmpty()) {
            return patch;
        }
        try {
            return form.get().toCanonical(patch, body.parties());
        } catch (OcpiException refused) {
            throw asWritten(refused, form.get());
        }
    }

    /**
     * A refusal of a translated body, each field it names ({@code field...: reason}, joined by {@code ; }) renamed to
     * the name the form writes it under; a field the form does not rename keeps its name.
     */
    private static OcpiException asWritten(OcpiException refused, WireForm form) {
        String message = Arrays.stream(refused.getMessage().split("; ")).map(part -> {
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("^([a-z0-9_]+)([.\\[:].*)$").matcher(part);
            return field.matches() ? wireName(form, field.group(1)) + field.group(2) : part;
        }).collect(Collectors.joining("; "));
        return message.equals(refused.getMessage()) ? refused : new OcpiException(refused.status(), refused.httpStatus(), message);
    }

    /** The name {@code form} writes a canonical top-level field under: where a probe value put in that field comes out. */
    private static String wireName(WireForm form, String canonicalField) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode probe = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            probe.put(canonicalField, PROBE);
            var written = form.toWire(probe).properties();
            return written.stream().filter(e -> PROBE.equals(e.getValue().textValue())).map(java.util.Map.Entry::getKey).findFirst()
                    .orElse(canonicalField);
        } catch (RuntimeException cannotTell) {
            return canonicalField;
        }
    }

    /** Reads a PATCH body: a JSON object whose fields replace those of the stored object. */
    public com.fasterxml.jackson.databind.node.ObjectNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw OcpiException.notJson("request body: missing");
        }
        try {
            com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(body);
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                return object;
            }
            throw OcpiException.invalid("request body: must be a JSON object");
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    /** Turns a JSON tree (a stored object with a PATCH applied) into a validated OCPI object. */
    public <T> T convert(com.fasterxml.jackson.databind.JsonNode tree, Class<T> type) {
        return convert(tree, type, VersionNumber.CANONICAL);
    }

    /** Turns a JSON tree a peer on {@code version} sent, in the canonical form, into a validated OCPI object. */
    public <T> T convert(com.fasterxml.jackson.databind.JsonNode tree, Class<T> type, VersionNumber version) {
        T value;
        try {
            value = reader(type, version).readValue(tree);
        } catch (IOException e) {
            throw OcpiException.invalid(describe(e));
        } catch (IllegalArgumentException e) {
            throw OcpiException.invalid(e.getCause() instanceof IOException io ? describe(io) : "request body: " + e.getMessage());
        }
        validate(value);
        return value;
    }

    /** The reader of a type, told the version its body speaks (OpenEnums read it). */
    private ObjectReader reader(Class<?> type, VersionNumber version) {
        return mapper.readerFor(type).withAttribute(VersionNumber.class, version);
    }

    public void validate(Object value) {
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw OcpiException.invalid(violations.stream()
                    // Elements of a list of strings show up as "evse_uids[1].<list element>": the index says enough.
                    .map(v -> v.getPropertyPath().toString().replace(".<list element>", "") + ": " + v.getMessage())
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; ")));
        }
    }

    /**
     * A body that could not be read: no valid JSON (HTTP 400 for every peer, it never reached the OCPI layer), or JSON
     * that is no valid object of the type.
     */
    private static OcpiException refusal(IOException e) {
        // Jackson reports a body of blanks, and more after the value, as a value of the wrong shape.
        boolean noOneValue = e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && (mismatch.getOriginalMessage().startsWith("Trailing token") || mismatch.getOriginalMessage().startsWith("No content"));
        return syntaxError(e) != null || noOneValue ? OcpiException.notJson(describe(e)) : OcpiException.invalid(describe(e));
    }

    /**
     * Where the body is no JSON at all, also when met while mapping a field; or beyond what the parser reads (nesting
     * depth) or a key twice, which make no one JSON structure either. Null when the body is JSON.
     */
    private static JsonProcessingException syntaxError(IOException e) {
        Throwable cause = e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException read ? read : e;
        return cause instanceof JsonProcessingException processing && !(cause instanceof JsonMappingException) ? processing : null;
    }

    static String describe(IOException e) {
        // Not JSON at all: say where it broke.
        JsonProcessingException processing = syntaxError(e);
        if (processing != null) {
            String where = processing.getLocation() == null ? ""
                    : " at line " + processing.getLocation().getLineNr() + ", column " + processing.getLocation().getColumnNr();
            String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? " (in " + path(mapping) + ")" : "";
            return "request body: malformed JSON" + where + field + ": " + processing.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            return mismatch.getOriginalMessage().startsWith("Trailing token")
                    ? "request body: malformed JSON: more after the end of the JSON value" : "request body: must be a JSON object";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return path(invalid) + ": unknown value '" + invalid.getValue() + "', expected one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String expected = mismatch.getTargetType() == null ? "another type" : simpleType(mismatch.getTargetType());
            return path(mismatch) + ": must be " + expected;
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping) + ": " + mapping.getOriginalMessage();
        }
        if (e instanceof JsonMappingException mapping) {
            return "request body: " + mapping.getOriginalMessage();
        }
        return "request body: unreadable: " + e.getMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "request body" : path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.time.Instant.class) {
            return "an RFC 3339 date-time string";
        }
        return "an object";
    }

    /** Names validation paths by the JSON property names, not the Java ones. */
    private static final class JsonNames implements PropertyNodeNameProvider {
        private final ObjectMapper mapper;
        private final Map<Class<?>, Map<String, String>> names = new ConcurrentHashMap<>();

        JsonNames(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public String getName(Property property) {
            if (property instanceof JavaBeanProperty bean) {
                return names.computeIfAbsent(bean.getDeclaringClass(), this::jsonNames)
                        .getOrDefault(property.getName(), property.getName());
            }
            return property.getName();
        }

        private Map<String, String> jsonNames(Class<?> type) {
            BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
            return description.findProperties().stream()
                    .collect(Collectors.toMap(BeanPropertyDefinition::getInternalName, BeanPropertyDefinition::getName, (a, b) -> a));
        }
    }
}
