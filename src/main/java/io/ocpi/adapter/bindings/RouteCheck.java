package io.ocpi.adapter.bindings;

import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import io.ocpi.adapter.bindings.sap.IdocType;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Checks the files integration teams edit without starting the adapter: every route file in {@code routes/} parses
 * as Camel YAML DSL, every JSLT mapping in {@code mappings/} compiles, every IDoc type reads. Run it with
 * {@code java -jar ocpi-adapter.jar --check [routes folder] [mappings folder]}; it prints one line per file and exits
 * with 1 when one is wrong, naming the file and the line.
 */
public final class RouteCheck {

    private RouteCheck() {
    }

    public static int run(Path routes, Path mappings) {
        // Camel's start and stop lines of each file's trial context would drown the verdicts.
        if (org.slf4j.LoggerFactory.getLogger("org.apache.camel") instanceof ch.qos.logback.classic.Logger camelLog) {
            camelLog.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        List<String> problems = new ArrayList<>();
        List<Path> checked = new ArrayList<>();
        for (Path file : files(routes, ".camel.yaml")) {
            checked.add(file);
            checkRoutes(file).ifPresent(problems::add);
        }
        for (Path file : files(mappings, ".jslt")) {
            checked.add(file);
            checkJslt(file).ifPresent(problems::add);
        }
        for (Path file : files(mappings.resolve("idoc"), ".yaml")) {
            checked.add(file);
            checkIdocType(file).ifPresent(problems::add);
        }
        checked.forEach(file -> System.out.println((problems.stream().anyMatch(p -> p.startsWith(file.toString())) ? "FAILED " : "ok     ") + file));
        problems.forEach(System.err::println);
        System.out.println(problems.isEmpty() ? checked.size() + " files checked, all good" : problems.size() + " of " + checked.size() + " files are wrong");
        return problems.isEmpty() ? 0 : 1;
    }

    /** Parses a route file as the adapter does at start, without building its routes (no backend is needed). */
    static java.util.Optional<String> checkRoutes(Path file) {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().setIgnoreMissingLocation(true);
            for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel)
                    .findRoutesBuilders(ResourceHelper.resolveResource(camel, "file:" + file))) {
                camel.addRoutes(builder);
            }
            return java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.of(file + ": " + messages(e));
        }
    }

    static java.util.Optional<String> checkJslt(Path file) {
        try {
            new Parser(new StringReader(Files.readString(file))).withSource(file.toString()).compile();
            return java.util.Optional.empty();
        } catch (JsltException e) {
            return java.util.Optional.of(file + ": " + e.getMessage());
        } catch (IOException e) {
            return java.util.Optional.of(file + ": cannot be read: " + e.getMessage());
        }
    }

    static java.util.Optional<String> checkIdocType(Path file) {
        try {
            IdocType.read(file);
            return java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.of(file + ": " + messages(e));
        }
    }

    /** The messages of an exception and its causes: the YAML parser's, with the line, is usually the last. */
    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
                text.append(text.isEmpty() ? "" : " / ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    private static List<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, suffix.equals(".yaml") ? 1 : Integer.MAX_VALUE)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
