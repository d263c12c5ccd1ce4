package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.VersionNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every {@link WireForm} the modules declare, by canonical type and version, and the one way to apply them: a single
 * object or a list, item by item; a body of a type without a form for its version passes as it is.
 */
@Component
public class WireForms {

    private record Key(Class<?> type, VersionNumber version) {
    }

    /** Reads stored text as the adapter wrote it. */
    private static final ObjectMapper JSON = OcpiJson.newMapper();

    private final Map<Key, WireForm> forms = new HashMap<>();

    public WireForms(List<WireForm> forms) {
        for (WireForm form : forms) {
            WireForm twice = this.forms.put(new Key(form.type(), form.version()), form);
            if (twice != null) {
                throw new IllegalStateException("two wire forms of " + form.type().getSimpleName() + " in " + form.version());
            }
        }
    }

    /** How {@code type} is written in {@code version}; empty when it is written as canonically. */
    public Optional<WireForm> of(Class<?> type, VersionNumber version) {
        return type == null || version == null ? Optional.empty() : Optional.ofNullable(forms.get(new Key(type, version)));
    }

    /** Whether bodies of {@code type} change shape in {@code version}. */
    public boolean translates(Class<?> type, VersionNumber version) {
        return of(type, version).isPresent();
    }

    /**
     * A body a peer on {@code version} wrote, an object or a list of them, in the canonical form.
     *
     * @throws OcpiException naming the field when the body lacks what the canonical form needs
     */
    public JsonNode toCanonical(Class<?> type, VersionNumber version, JsonNode wire, WireForm.Parties parties) {
        Optional<WireForm> form = of(type, version);
        return form.isEmpty() ? wire : each(wire, item -> form.get().toCanonical(item, parties));
    }

    /**
     * A canonical body, an object or a list of them, as a peer on {@code version} reads it.
     *
     * @throws WireForm.UntranslatableException naming the field the version requires and the object cannot give
     */
    public JsonNode toWire(Class<?> type, VersionNumber version, JsonNode canonical) {
        Optional<WireForm> form = of(type, version);
        return form.isEmpty() ? canonical : each(canonical, item -> form.get().toWire(item));
    }

    /**
     * The JSON text of a canonical object (stored text, whole or partial), or of a list of them, as a peer on
     * {@code version} reads it: the text itself when the type's form has no {@link WireForm#differences} in it.
     *
     * @throws WireForm.UntranslatableException naming the field the version requires and the object cannot give
     * @throws IllegalArgumentException         when the text is no JSON
     */
    public String toWire(Class<?> type, VersionNumber version, String canonical) {
        Optional<WireForm> form = of(type, version);
        if (form.isEmpty() || form.get().differences().map(differences -> !differences.foundIn(canonical)).orElse(false)) {
            return canonical;
        }
        try {
            return toWire(type, version, JSON.readTree(canonical)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored " + type.getSimpleName() + " is no JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode each(JsonNode body, java.util.function.UnaryOperator<ObjectNode> translation) {
        if (body instanceof ObjectNode object) {
            return translation.apply(object);
        }
        if (body instanceof ArrayNode list) {
            ArrayNode translated = JsonNodeFactory.instance.arrayNode(list.size());
            list.forEach(item -> translated.add(item instanceof ObjectNode object ? translation.apply(object) : item));
            return translated;
        }
        return body;
    }
}
