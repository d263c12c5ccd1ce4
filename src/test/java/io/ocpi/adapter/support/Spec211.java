package io.ocpi.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The JSON examples of the OCPI 2.1.1 text ({@code shared/ocpi-2.1.1/spec} beside the project or a folder above it),
 * and what the 2.1.1 wire forms are checked with: the canonical validation, and objects as the store keeps them.
 */
public final class Spec211 {

    /** Our party, to which the examples are addressed, and the peer's party that sends them. */
    public static final Party OURS = new Party("NL", "EXM");
    public static final Party PEERS = new Party("BE", "BEC");
    public static final WireForm.Parties FROM_PEER = new WireForm.Parties(PEERS, OURS);

    /** One ```json block: the heading above it, the line naming the request when there is one, and the body. */
    public record Example(String heading, String request, ObjectNode body) {
        @Override
        public String toString() {
            return heading;
        }
    }

    private Spec211() {
    }

    public static Path specFolder() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path spec = at.resolve("shared/ocpi-2.1.1/spec");
            if (Files.isDirectory(spec)) {
                return spec;
            }
        }
        throw new IllegalStateException("the OCPI 2.1.1 text is not in shared/ocpi-2.1.1/spec beside the project nor above it");
    }

    /**
     * Every ```json block of a module's text, in order. Blocks that are one field of an object ({@code "energy_mix": {..}})
     * are read as the object holding that field. Some blocks have trailing commas, which JSON does not allow: they
     * are read past.
     */
    public static List<Example> examples(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(specFolder().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Example> examples = new ArrayList<>();
        String heading = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "").trim();
            } else if (line.trim().equals("```json")) {
                List<String> block = new ArrayList<>();
                while (!lines.get(++i).trim().equals("```")) {
                    block.add(lines.get(i));
                }
                String request = block.get(0).trim().startsWith("{") || block.get(0).trim().startsWith("\"") ? null : block.remove(0).trim();
                String text = block.stream().collect(Collectors.joining("\n")).trim();
                examples.add(new Example(heading, request, read(text.startsWith("\"") ? "{" + text + "}" : text)));
            }
        }
        assertThat(examples).as(file).isNotEmpty();
        return examples;
    }

    public static Example example(String file, String heading) {
        return examples(file).stream().filter(e -> e.heading().equals(heading)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " has no example under " + heading));
    }

    /**
     * mod_locations.md's "Example" (3.1) under another id, made a valid 2.1.1 Location: the connector of its second EVSE
     * lacks last_updated, which it is given.
     */
    public static ObjectNode locationExample(String id) {
        ObjectNode location = example("mod_locations.md", "Example").body();
        location.put("id", id);
        ((ObjectNode) location.at("/evses/1/connectors/0")).put("last_updated", "2015-06-29T20:39:09Z");
        return location;
    }

    /**
     * The example as the adapter gives it back (docs/translation-2.1.1.md): the time_zone of its country, BEL; the
     * EVSEs' "id" and the connector's "status", which are no fields of 2.1.1's EVSE and Connector, not kept.
     */
    public static ObjectNode locationAsKept(ObjectNode sent) {
        ObjectNode kept = sent.deepCopy();
        kept.put("time_zone", "Europe/Brussels");
        ((ObjectNode) kept.at("/evses/0")).remove("id");
        ((ObjectNode) kept.at("/evses/1")).remove("id");
        ((ObjectNode) kept.at("/evses/1/connectors/0")).remove("status");
        return kept;
    }

    private static ObjectNode read(String text) {
        try {
            return (ObjectNode) ModelCheck.JSON.reader().with(JsonReadFeature.ALLOW_TRAILING_COMMA).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A canonical body as validation accepts it and the store keeps it: read into its record and written back. */
    public static ObjectNode accepted(JsonNode canonical, Class<?> type) {
        try {
            Object value = ModelCheck.BODIES.convert(canonical, type);
            return (ObjectNode) ModelCheck.JSON.readTree(ModelCheck.JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON tree as it reads after writing, so that numbers of one value compare equal. */
    public static JsonNode normal(JsonNode tree) {
        try {
            return ModelCheck.JSON.readTree(ModelCheck.JSON.writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json(String text) {
        return read(text);
    }

    /** Valid canonical objects of {@code type}: the 2.2.1 examples of it, varied within the model's constraints. */
    public static Arbitrary<ObjectNode> canonical(Class<?> type) {
        List<ModelFuzz.Seed> seeds = ModelFuzz.seeds().stream().filter(seed -> seed.type() == type).toList();
        assertThat(seeds).as(type.getSimpleName()).isNotEmpty();
        return Arbitraries.of(seeds)
                .flatMap(seed -> Arbitraries.randomValue(random -> ModelFuzz.vary(seed, random, 1 + random.nextInt(8))))
                .map(sample -> read(new String(sample.body(), java.nio.charset.StandardCharsets.UTF_8)))
                .filter(object -> valid(object, type))
                .map(object -> accepted(object, type));
    }

    private static boolean valid(ObjectNode object, Class<?> type) {
        try {
            ModelCheck.BODIES.convert(object, type);
            return true;
        } catch (OcpiException invalid) {
            return false;
        }
    }

    /** Part of a whole object, as a PATCH gives it: some of its fields, never {@code excluded} ones (its ids). */
    public static Arbitrary<ObjectNode> partOf(Arbitrary<ObjectNode> wholes, Set<String> excluded) {
        return wholes.flatMap(whole -> Arbitraries.randomValue(random -> {
            ObjectNode part = ModelCheck.JSON.createObjectNode();
            whole.fields().forEachRemaining(field -> {
                if (!excluded.contains(field.getKey()) && random.nextInt(3) == 0) {
                    part.set(field.getKey(), field.getValue());
                }
            });
            return part;
        }));
    }
}
