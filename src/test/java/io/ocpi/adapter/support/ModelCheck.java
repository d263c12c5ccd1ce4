package io.ocpi.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Checks of the object model: what a peer's JSON becomes, and whether it comes back the same. */
public final class ModelCheck {

    public static final ObjectMapper JSON = OcpiJson.newMapper();
    public static final OcpiBodies BODIES = new OcpiBodies(JSON);

    private ModelCheck() {
    }

    /** Reads JSON into the model, validates it, and asserts it is written back unchanged. */
    public static <T> T roundTrip(String json, Class<T> type) throws IOException {
        T value = JSON.readValue(json, type);
        BODIES.validate(value);
        assertThat(JSON.readTree(JSON.writeValueAsBytes(value))).isEqualTo(JSON.readTree(json));
        return value;
    }

    public static <T> T roundTrip(JsonNode json, Class<T> type) throws IOException {
        return roundTrip(JSON.writeValueAsString(json), type);
    }

    public static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** One of the specification's JSON examples, from the test resources. */
    public static byte[] specExample(String name) throws IOException {
        try (InputStream in = ModelCheck.class.getResourceAsStream("/spec-examples/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
