package io.ocpi.adapter.bindings.sap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The layout of one IDoc type, read from a file in {@code mappings/idoc/} (the shape SAP's WE60 documentation gives):
 * its segments, each with its parent and its fixed-width fields. The codecs know nothing of any particular type.
 *
 * @param segments by segment type name (the IDoc-XML element name, e.g. {@code Z1CDRHD})
 */
public record IdocType(String name, String messageType, Map<String, Segment> segments) {

    /** A field of a segment's data (SDATA), at a fixed position. */
    public record Field(String name, int offset, int length) {
    }

    /**
     * @param definition the name flat files carry in SEGNAM (the release-specific segment definition, e.g.
     *                   {@code Z2CDRHD000}); the type name is accepted there too
     * @param parent     the parent segment type, null for a top-level segment
     * @param repeats    whether it may occur more than once under its parent (a list in the IDoc's JSON)
     * @param fieldNames the names of its fields, to look one up by name
     */
    public record Segment(String name, String definition, String parent, boolean repeats, List<Field> fields, Set<String> fieldNames) {

        public Segment(String name, String definition, String parent, boolean repeats, List<Field> fields) {
            this(name, definition, parent, repeats, List.copyOf(fields),
                    fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet()));
        }

        public boolean hasField(String name) {
            return fieldNames.contains(name);
        }

        public int length() {
            return fields.isEmpty() ? 0 : fields.get(fields.size() - 1).offset() + fields.get(fields.size() - 1).length();
        }
    }

    /** The segment a flat file's SEGNAM names, by definition or by type name. */
    public Optional<Segment> segmentNamed(String segnam) {
        return segments.values().stream().filter(s -> s.definition().equals(segnam) || s.name().equals(segnam)).findFirst();
    }

    public static IdocType read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    @SuppressWarnings("unchecked")
    public static IdocType read(InputStream in, String source) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (root == null) {
            throw new IllegalArgumentException(source + ": empty IDoc type file");
        }
        String name = required(root, "idoc_type", source);
        Map<String, Segment> segments = new LinkedHashMap<>();
        List<Map<String, Object>> segmentList = (List<Map<String, Object>>) root.getOrDefault("segments", List.of());
        for (Map<String, Object> segment : segmentList) {
            String segmentName = required(segment, "name", source);
            List<Field> fields = new ArrayList<>();
            int offset = 0;
            for (Map<String, Object> field : (List<Map<String, Object>>) segment.getOrDefault("fields", List.of())) {
                int length = ((Number) field.get("length")).intValue();
                fields.add(new Field(required(field, "name", source), offset, length));
                offset += length;
            }
            if (offset > IdocFlatFile.SDATA_LENGTH) {
                throw new IllegalArgumentException(source + ": segment " + segmentName + " is " + offset + " characters long; SDATA holds "
                        + IdocFlatFile.SDATA_LENGTH);
            }
            String parent = (String) segment.get("parent");
            if (parent != null && !segments.containsKey(parent)) {
                throw new IllegalArgumentException(source + ": segment " + segmentName + " names parent " + parent
                        + ", which is not defined before it");
            }
            segments.put(segmentName, new Segment(segmentName, (String) segment.getOrDefault("definition", segmentName), parent,
                    Boolean.TRUE.equals(segment.get("repeats")), fields));
        }
        return new IdocType(name, (String) root.getOrDefault("message_type", name), segments);
    }

    private static String required(Map<String, Object> map, String key, String source) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException(source + ": '" + key + "' missing in " + map);
        }
        return value.toString();
    }
}
