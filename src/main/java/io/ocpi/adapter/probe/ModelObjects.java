package io.ocpi.adapter.probe;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tokens.AuthorizationInfo;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OCPI 2.2.1's objects judged by the adapter's model, whose records are 2.2.1's object tables with their types,
 * required fields and enums: an object is valid when the model reads it, and two are compared as the model writes them.
 */
final class ModelObjects implements PeerObjects {

    private static final Map<String, Class<?>> TYPES = Map.of(
            ModuleId.LOCATIONS, Location.class, ModuleId.SESSIONS, Session.class, ModuleId.CDRS, Cdr.class,
            ModuleId.TARIFFS, Tariff.class, ModuleId.TOKENS, Token.class, "authorization_info", AuthorizationInfo.class);

    private final OcpiBodies bodies;
    private final ObjectMapper json;

    ModelObjects(OcpiBodies bodies, ObjectMapper json) {
        this.bodies = bodies;
        this.json = json;
    }

    @Override
    public String describe() {
        return "the 2.2.1 model";
    }

    @Override
    public List<String> violations(String object, JsonNode node) {
        try {
            bodies.convert(node, type(object));
            return List.of();
        } catch (OcpiException invalid) {
            return List.of(invalid.getMessage());
        }
    }

    @Override
    public List<String> fractions(String object, JsonNode node) {
        List<String> found = new ArrayList<>();
        fractionsInIntegers(node, json.constructType(type(object)), "", found);
        return found;
    }

    @Override
    public JsonNode comparable(String object, JsonNode node) {
        return json.valueToTree(bodies.convert(node, type(object)));
    }

    private static Class<?> type(String object) {
        Class<?> type = TYPES.get(object);
        if (type == null) {
            throw new IllegalArgumentException("the 2.2.1 model has no type for " + object);
        }
        return type;
    }

    /** Paths of numbers with a fraction where our model (the spec's types) holds an int. */
    private void fractionsInIntegers(JsonNode node, JavaType type, String path, List<String> found) {
        if (node.isNumber() && !node.isIntegralNumber() && isInteger(type) && node.decimalValue().stripTrailingZeros().scale() > 0) {
            found.add(path + " is " + node.asText());
        } else if (node.isArray() && type.getContentType() != null) {
            for (int i = 0; i < node.size(); i++) {
                fractionsInIntegers(node.get(i), type.getContentType(), path + "[" + i + "]", found);
            }
        } else if (node.isObject() && !type.isContainerType() && !type.isJavaLangObject()) {
            for (BeanPropertyDefinition property : json.getDeserializationConfig().introspect(type).findProperties()) {
                JsonNode value = node.get(property.getName());
                if (value != null) {
                    fractionsInIntegers(value, property.getPrimaryType(), path.isEmpty() ? property.getName() : path + "." + property.getName(), found);
                }
            }
        }
    }

    private static boolean isInteger(JavaType type) {
        Class<?> raw = type.getRawClass();
        return raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class || raw == Short.class || raw == short.class;
    }
}
