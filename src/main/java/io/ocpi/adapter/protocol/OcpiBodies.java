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

    /** A field path as refusals write it, {@code evses[1].connectors[0].max_voltage}, and the reason after it. */
    private static final java.util.regex.Pattern FIELD_PATH = java.util.regex.Pattern.compile("^([a-z0-9_]+(?:\\[\\d+]|\\.[a-z0-9_]+)*)(:.*)$");
    private static final java.util.regex.Pattern PATH_STEP = java.util.regex.Pattern.compile("([a-z0-9_]+)((?:\\[\\d+])?)");

    /**
     * A refusal of a translated body, each field path it names ({@code path: reason}, joined by {@code ; }) renamed,
     * at every level, to the names the form writes it under; a field the form does not rename keeps its name.
     */
    private static OcpiException asWritten(OcpiException refused, WireForm form) {
        String message = Arrays.stream(refused.getMessage().split("; ")).map(part -> {
            java.util.regex.Matcher field = FIELD_PATH.matcher(part);
            return field.matches() ? wirePath(form, field.group(1)) + field.group(2) : part;
        }).collect(Collectors.joining("; "));
        return message.equals(refused.getMessage()) ? refused : new OcpiException(refused.status(), refused.httpStatus(), message);
    }

    /**
     * The path {@code form} writes a canonical field path under: a probe value put at that path (each list holding it
     * in its first element) is looked for in what the form writes; the names come from there, the indexes from the
     * canonical path. Where the form writes the probe elsewhere than at as many levels, or cannot write it, the
     * canonical path stays.
     */
    private static String wirePath(WireForm form, String canonicalPath) {
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<String> indexes = new java.util.ArrayList<>();
        java.util.regex.Matcher step = PATH_STEP.matcher(canonicalPath);
        while (step.find()) {
            names.add(step.group(1));
            indexes.add(step.group(2));
        }
        try {
            com.fasterxml.jackson.databind.node.ObjectNode probe = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            com.fasterxml.jackson.databind.node.ObjectNode at = probe;
            for (int i = 0; i < names.size(); i++) {
                boolean last = i == names.size() - 1;
                if (indexes.get(i).isEmpty()) {
                    if (last) {
                        at.put(names.get(i), PROBE);
                    } else {
                        at = at.putObject(names.get(i));
                    }
                } else if (last) {
                    at.putArray(names.get(i)).add(PROBE);
                } else {
                    at = at.putArray(names.get(i)).addObject();
                }
            }
            java.util.List<String> written = probePath(form.toWire(probe));
            if (written == null || written.size() != names.size()) {
                return canonicalPath;
            }
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                path.append(i == 0 ? "" : ".").append(written.get(i)).append(indexes.get(i));
            }
            return path.toString();
        } catch (RuntimeException cannotTell) {
            return canonicalPath;
        }
    }

    /** The field names on the way to the probe value in {@code tree} (list indexes left out), or null when it is not there. */
    private static java.util.List<String> probePath(com.fasterxml.jackson.databind.JsonNode tree) {
        if (PROBE.equals(tree.textValue())) {
            return new java.util.ArrayList<>();
        }
        if (tree.isArray()) {
            for (com.fasterxml.jackson.databind.JsonNode item : tree) {
                java.util.List<String> found = probePath(item);
                if (found != null) {
                    return found;
                }
            }
        }
        for (var field : tree.properties()) {
            java.util.List<String> found = probePath(field.getValue());
            if (found != null) {
                found.add(0, field.getKey());
                return found;
            }
        }
        return null;
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
