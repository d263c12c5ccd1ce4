package io.ocpi.adapter.conformance;

import static io.ocpi.adapter.support.Spec230.example;
import static io.ocpi.adapter.support.Spec230.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.locations.Connector;
import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.modules.locations.Hours;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.ocpi.DisplayText;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.support.AllWireForms;
import io.ocpi.adapter.support.ModelCheck;
import io.ocpi.adapter.support.Spec230;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON example of the 2.3.0 specification that is an object of ours, translated into the canonical form, is
 * accepted by our validation, and translated back is the example again. The examples of Payments and credentials are
 * tested with their modules, those of versions with the handshake.
 */
class SpecExamples230Test {

    static final WireForm.Parties PARTIES = new WireForm.Parties(null, null);

    /** Which object each example is, by the start of its name; partial ones are PATCH bodies or parts of an object. */
    record Kind(Class<?> type, boolean whole) {
    }

    static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("cdr_example", new Kind(Cdr.class, true)),
            Map.entry("location_energymix_", new Kind(Location.class, false)),
            Map.entry("location_example", new Kind(Location.class, true)),
            Map.entry("location_hours_", new Kind(Hours.class, true)),
            Map.entry("location_patch_example_location", new Kind(Location.class, false)),
            Map.entry("location_patch_example_remove_evse", new Kind(Evse.class, false)),
            Map.entry("location_patch_example_status", new Kind(Evse.class, false)),
            Map.entry("location_patch_example_tariff", new Kind(Connector.class, false)),
            Map.entry("location_put_example_add_evse", new Kind(Evse.class, true)),
            Map.entry("location_regularhours_", new Kind(Location.class, false)),
            Map.entry("session_example_", new Kind(Session.class, true)),
            Map.entry("session_patch_", new Kind(Session.class, false)),
            Map.entry("tariff", new Kind(Tariff.class, true)),
            Map.entry("token_example_", new Kind(Token.class, true)),
            Map.entry("token_put_example", new Kind(Token.class, true)),
            Map.entry("token_patch_example", new Kind(Token.class, false)),
            Map.entry("transport_and_format_get_token_", new Kind(Token.class, true)),
            Map.entry("type_displaytext_", new Kind(DisplayText.class, true)));

    /**
     * Examples of the version information and of credentials, which the handshake reads and writes, and of Payments,
     * which PaymentsTest reads.
     */
    static final List<String> NOT_OURS = List.of("transport_and_format_version_", "version_details_", "versions_info_", "payment_",
            "credentials_");

    /** The spec's own flaws: valid 2.3.0 JSON, but no valid object; each is refused naming the field. */
    static final Map<String, String> FLAWED = Map.of(
            "location_put_example_add_evse.json", "physical_reference: must be a string",
            "tariff_put_example.json", "last_updated: must not be null");

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(Spec230.EXAMPLES)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .filter(name -> NOT_OURS.stream().noneMatch(name::startsWith)).sorted().toList().stream();
        }
    }

    static Kind kind(String name) {
        return KINDS.entrySet().stream().filter(entry -> name.startsWith(entry.getKey()))
                .max((a, b) -> a.getKey().length() - b.getKey().length())
                .orElseThrow(() -> new AssertionError("no kind for " + name)).getValue();
    }

    static ObjectNode toCanonical(Class<?> type, JsonNode wire) {
        return AllWireForms.FORMS.of(type, VersionNumber.V2_3_0).map(form -> form.toCanonical((ObjectNode) wire, PARTIES))
                .orElse(((ObjectNode) wire).deepCopy());
    }

    static ObjectNode toWire(Class<?> type, ObjectNode canonical) {
        return AllWireForms.FORMS.of(type, VersionNumber.V2_3_0).map(form -> form.toWire(canonical)).orElse(canonical);
    }

    /**
     * What the example is written back as, where that is not the example itself: the specification's examples write an
     * EVSE's parking as parking ids where its text defines EVSEParking objects, and the tariff of its CDR lacks the
     * required tax_included (written as NO: without it, prices exclude taxes as in 2.2.1).
     */
    static JsonNode writtenBack(String name, JsonNode example) {
        JsonNode expected = example.deepCopy();
        List<JsonNode> evses = name.startsWith("location_put_example") ? List.of(expected) : toList(expected.path("evses"));
        for (JsonNode evse : evses) {
            if (evse.get("parking") instanceof ArrayNode parking) {
                for (int i = 0; i < parking.size(); i++) {
                    if (parking.get(i).isTextual()) {
                        parking.set(i, parking.objectNode().put("parking_id", parking.get(i).asText()));
                    }
                }
            }
        }
        for (JsonNode tariff : name.startsWith("cdr_") ? expected.path("tariffs") : ModelCheck.JSON.createArrayNode()) {
            if (!tariff.has("tax_included")) {
                ((ObjectNode) tariff).put("tax_included", "NO");
            }
        }
        return expected;
    }

    /** A whole canonical object of the type, for partial examples to be applied to. */
    static ObjectNode whole(Class<?> type) {
        ObjectNode location = toCanonical(Location.class, example("location_example.json"));
        if (type == Location.class) {
            return location;
        }
        if (type == Evse.class) {
            return (ObjectNode) location.get("evses").get(0);
        }
        if (type == Connector.class) {
            return (ObjectNode) location.get("evses").get(0).get("connectors").get(0);
        }
        if (type == Session.class) {
            return toCanonical(Session.class, example("session_example_2_short_finished.json"));
        }
        return toCanonical(Token.class, example("token_example_2_full_rfid.json"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void isAcceptedCanonicallyAndWrittenBackTheSame(String name) {
        Kind kind = kind(name);
        JsonNode example = example(name);
        List<JsonNode> objects = name.startsWith("transport_and_format_")
                ? example.get("data").isArray() ? List.copyOf(toList(example.get("data"))) : List.of(example.get("data"))
                : List.of(example);
        for (JsonNode object : objects) {
            ObjectNode canonical = toCanonical(kind.type(), object);
            assertThat(normal(toWire(kind.type(), canonical))).as(name).isEqualTo(normal(writtenBack(name, object)));
            ObjectNode checked = canonical;
            if (!kind.whole()) {
                checked = whole(kind.type()).deepCopy();
                checked.setAll(canonical);
            }
            if (FLAWED.containsKey(name)) {
                ObjectNode flawed = checked;
                assertThatThrownBy(() -> ModelCheck.BODIES.convert(flawed, kind.type())).as(name)
                        .isInstanceOf(OcpiException.class).hasMessage(FLAWED.get(name));
            } else {
                Object read = ModelCheck.BODIES.convert(checked, kind.type());
                assertThat(normal(ModelCheck.JSON.valueToTree(read))).as(name).isEqualTo(normal(checked));
            }
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    @Test
    void theExamplesOfTaxesBecomeTheCanonicalPriceWithVat() {
        ObjectNode session = toCanonical(Session.class, example("session_patch_example_total_cost.json"));
        assertThat(normal(session.get("total_cost"))).isEqualTo(normal(ModelCheck.JSON.createObjectNode()
                .put("excl_vat", 0.60).put("incl_vat", 0.66)
                .set("taxes", ModelCheck.JSON.createArrayNode().add(ModelCheck.JSON.createObjectNode().put("name", "VAT").put("amount", 0.06)))));

        ObjectNode tariff = toCanonical(Tariff.class, example("tariff_12_025kwh_min_price.json"));
        assertThat(normal(tariff.get("min_price"))).isEqualTo(normal(ModelCheck.JSON.createObjectNode().put("excl_vat", 0.50).put("incl_vat", 0.55)));
        assertThat(tariff.get("tax_included").asText()).isEqualTo("NO");
    }
}
