package io.ocpi.adapter.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.serialization.node.JsonLocationAware;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader;

/**
 * The JSON schema of Camel's YAML DSL, as the camel-yaml-dsl jar the adapter runs with ships it: what editors such
 * as Kaoto expect of a route file. Camel itself reads more than the schema allows (a placeholder where the schema
 * wants a boolean, a number where it wants text); a file that keeps to the schema opens and saves in those editors
 * as it is. {@link RouteTrial} refuses a route file that does not, so {@code --check} and a reload both name it.
 */
final class RouteSchema {

    /** Where camel-yaml-dsl keeps its schema. */
    static final String LOCATION = "schema/camelYamlDsl.json";

    private static final JsonNodeReader YAML_WITH_LINES = JsonNodeReader.builder().locationAware().build();

    private static final JsonSchema SCHEMA = load();

    /** Words that only say that none of several shapes fit. */
    private static final Set<String> COMBINATIONS = Set.of("oneOf", "anyOf", "allOf", "not");

    private RouteSchema() {
    }

    private static JsonSchema load() {
        try (InputStream schema = YamlRoutesBuilderLoader.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (schema == null) {
                throw new IllegalStateException(LOCATION + " is not in camel-yaml-dsl");
            }
            // The schema marks some options deprecated, a word draft 4 does not know: it is read as a note.
            JsonMetaSchema draft4 = JsonMetaSchema.builder(JsonMetaSchema.getV4()).keyword(new NonValidationKeyword("deprecated")).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, factory -> factory.metaSchema(draft4).jsonNodeReader(YAML_WITH_LINES))
                    .getSchema(schema, SchemaValidatorsConfig.builder().build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What in the file the schema refuses, one line of the file each, in the file's order:
     * {@code file:10: /0/route/autoStartup: string found, boolean expected (Camel YAML DSL schema)}.
     */
    static List<String> violations(Path file) throws IOException {
        JsonNode routes = YAML_WITH_LINES.readTree(Files.readString(file), InputFormat.YAML);
        Map<Integer, List<ValidationMessage>> byLine = SCHEMA.validate(routes).stream()
                .collect(Collectors.groupingBy(RouteSchema::line, TreeMap::new, Collectors.toList()));
        return byLine.entrySet().stream()
                .map(line -> file + (line.getKey() > 0 ? ":" + line.getKey() : "") + ": " + String.join("; ", closest(line.getValue())) + " (Camel YAML DSL schema)")
                .toList();
    }

    /**
     * Of what the schema says about one line, the words of the deepest node: where a step may take one of several
     * shapes (an expression in any language), the schema says why each shape fails; the node's own type says it best.
     */
    private static List<String> closest(List<ValidationMessage> said) {
        int depth = said.stream().mapToInt(violation -> violation.getInstanceLocation().getNameCount()).max().orElse(0);
        List<ValidationMessage> deepest = said.stream().filter(violation -> violation.getInstanceLocation().getNameCount() == depth).toList();
        List<ValidationMessage> plain = deepest.stream().filter(violation -> !COMBINATIONS.contains(violation.getType())).toList();
        return (plain.isEmpty() ? deepest : plain).stream().map(ValidationMessage::getMessage).sorted().distinct().toList();
    }

    private static int line(ValidationMessage violation) {
        return violation.getInstanceNode() instanceof JsonLocationAware located ? located.tokenLocation().getLineNr() : -1;
    }
}
