package io.ocpi.adapter.bindings.sap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IDoc files for routes, as the bean {@code idoc}: a mapping writes an IDoc as JSON (see {@link IdocJson}), {@link #write}
 * turns it into a file in the flat or the XML format; {@link #read} turns a file into the JSON of each IDoc in it,
 * for a mapping to read. IDoc types come from {@code <mappings>/idoc/<type>.yaml}, read again when the file changes
 * (looked at once a second at most, not at every IDoc).
 */
public class Idocs {

    private static final long TYPE_RECHECK_NANOS = 1_000_000_000L;

    private final Path typesFolder;
    private final ObjectMapper json;
    private final IdocJson shapes;
    private final Map<String, LoadedType> types = new ConcurrentHashMap<>();
    private final Counter written;
    private final Counter read;
    private final Counter refused;

    public Idocs(Path typesFolder, ObjectMapper json, MeterRegistry registry) {
        this.typesFolder = typesFolder;
        this.json = json;
        this.shapes = new IdocJson(json);
        this.written = Counter.builder("ocpi.idoc.files").tag("direction", "written").description("IDoc files written").register(registry);
        this.read = Counter.builder("ocpi.idoc.files").tag("direction", "read").description("IDoc files read").register(registry);
        this.refused = Counter.builder("ocpi.idoc.files").tag("direction", "refused").description("IDoc files moved to the error folder").register(registry);
    }

    /**
     * One IDoc file from the JSON of one IDoc (or a JSON array of several).
     *
     * @param format {@code flat} (SAP's file port format) or {@code xml} (IDoc-XML)
     */
    public String write(String idocJson, String typeName, String format) throws IOException {
        IdocType type = type(typeName);
        List<Idoc> idocs = shapes.toIdocs(idocJson, type);
        String file = switch (format.toLowerCase(Locale.ROOT)) {
            case "flat" -> IdocFlatFile.write(idocs, type);
            case "xml" -> IdocXml.write(idocs, type);
            default -> throw new IllegalArgumentException("IDoc format is 'flat' or 'xml', not '" + format + "'");
        };
        written.increment();
        return file;
    }

    /** Counts an inbound file moved to the error folder: not read at all, or not processed by the route. */
    public void refused() {
        refused.increment();
    }

    /** The JSON of every IDoc in a file, flat or XML (told apart by its first character). */
    public List<String> read(String file, String typeName) throws IOException {
        IdocType type = type(typeName);
        List<Idoc> idocs = file.stripLeading().startsWith("<") ? IdocXml.parse(file, type) : IdocFlatFile.parse(file, type);
        read.increment();
        return idocs.stream().map(idoc -> {
            try {
                return json.writeValueAsString(shapes.toJson(idoc, type));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** An IDoc type by name, from its file; a changed file is read again, so that a layout change needs no restart. */
    public IdocType type(String name) throws IOException {
        LoadedType known = types.get(name);
        long now = System.nanoTime();
        if (known != null && now - known.checkedAt() < TYPE_RECHECK_NANOS) {
            return known.type();
        }
        Path file = typesFolder.resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no IDoc type " + name + ": " + file.toAbsolutePath() + " does not exist");
        }
        long modified = Files.getLastModifiedTime(file).toMillis();
        IdocType type = known != null && known.modified() == modified ? known.type() : IdocType.read(file);
        types.put(name, new LoadedType(type, modified, now));
        return type;
    }

    private record LoadedType(IdocType type, long modified, long checkedAt) {
    }
}
