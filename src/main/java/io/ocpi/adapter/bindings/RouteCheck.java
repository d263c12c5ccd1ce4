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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;

/**
 * Checks the files integration teams edit without starting the adapter: every route file in {@code routes/} builds
 * as it would at start ({@link RouteTrial}: placeholders resolved against the effective configuration, endpoints
 * and beans found, with the Kamelets it uses) and the parameter counts its SQL calls give are their query files',
 * every Kamelet there ({@code <name>.kamelet.yaml}) reads, every JSLT mapping in {@code mappings/} compiles, every
 * IDoc type reads. Run it with
 * {@code java -jar ocpi-adapter.jar --check [routes folder] [mappings folder] [--setting=value...]}, with the
 * profiles and settings the adapter runs with; it prints one line per file and exits with 1 when one is wrong,
 * naming the file and the line.
 */
public final class RouteCheck {

    /** An SQL endpoint whose query is a file of the mappings folder, and its parameters. */
    private static final Pattern SQL_FILE_ENDPOINT = Pattern.compile("sql:file:\\{\\{ocpi\\.bindings\\.mappings}}/([^?]+)\\?(.*)");
    private static final Pattern PARAMETERS_COUNT = Pattern.compile("(?:^|&)parametersCount=(\\d+)");

    private RouteCheck() {
    }

    /** The folders to check ({@code routes}, and the mappings when given), then the adapter's settings ({@code --key=value}). */
    public static int run(String... arguments) {
        List<String> folders = Stream.of(arguments).filter(argument -> !argument.startsWith("--")).toList();
        List<String> configuration = new ArrayList<>(Stream.of(arguments).filter(argument -> argument.startsWith("--")).toList());
        if (!folders.isEmpty()) {
            // The routes of the folder checked use the Kamelets beside them.
            configuration.add("--camel.component.kamelet.location=file:" + folders.get(0) + ",classpath:kamelets");
        }
        if (folders.size() > 1) {
            configuration.add("--ocpi.bindings.mappings=" + folders.get(1));
        }
        try (RouteTrial trial = RouteTrial.reading(configuration.toArray(String[]::new))) {
            // Camel's start and stop lines of each file's trial context would drown the verdicts.
            if (org.slf4j.LoggerFactory.getLogger("org.apache.camel") instanceof ch.qos.logback.classic.Logger camelLog) {
                camelLog.setLevel(ch.qos.logback.classic.Level.WARN);
            }
            return run(trial, Path.of(folders.isEmpty() ? "routes" : folders.get(0)), trial.mappings());
        }
    }

    private static int run(RouteTrial trial, Path routes, Path mappings) {
        List<String> problems = new ArrayList<>();
        List<Path> checked = new ArrayList<>();
        for (Path file : files(routes, ".camel.yaml")) {
            checked.add(file);
            checkRoutes(trial, file, mappings).ifPresent(problems::add);
        }
        for (Path file : files(routes, ".kamelet.yaml")) {
            checked.add(file);
            checkKamelet(trial, file).ifPresent(problems::add);
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

    /** Builds a route file as the adapter does at start, and checks the parameter count its SQL endpoints give. */
    static java.util.Optional<String> checkRoutes(RouteTrial trial, Path file, Path mappings) {
        try {
            List<String> wrong = new ArrayList<>();
            for (RouteDefinition route : trial.build(file)) {
                for (ToDefinition to : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDefinition.class)) {
                    checkParametersCount(route.getRouteId(), to.getEndpointUri(), mappings).ifPresent(wrong::add);
                }
            }
            return wrong.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(file + ": " + String.join("; ", wrong));
        } catch (RouteTrial.RouteFileProblem problem) {
            return java.util.Optional.of(problem.getMessage());
        } catch (IOException e) {
            return java.util.Optional.of(file + ": " + RouteTrial.messages(e));
        }
    }

    /**
     * An SQL endpoint may give its query's parameter count ({@code parametersCount}) so that Camel does not ask the
     * database for it at every call, a round trip that also makes PostgreSQL parse and plan the query anew. A count
     * out of step with the query file would fail every call; it is refused here instead.
     */
    static java.util.Optional<String> checkParametersCount(String routeId, String uri, Path mappings) throws IOException {
        Matcher endpoint = SQL_FILE_ENDPOINT.matcher(uri);
        if (!endpoint.matches()) {
            return java.util.Optional.empty();
        }
        Matcher count = PARAMETERS_COUNT.matcher(endpoint.group(2));
        Path query = mappings.resolve(endpoint.group(1));
        if (!count.find() || !Files.isRegularFile(query)) {
            return java.util.Optional.empty();
        }
        int given = Integer.parseInt(count.group(1));
        int found = parameters(Files.readString(query));
        return given == found ? java.util.Optional.empty() : java.util.Optional.of("route " + routeId + " gives parametersCount "
                + given + " for " + endpoint.group(1) + ", which has " + found + " parameters");
    }

    static java.util.Optional<String> checkKamelet(RouteTrial trial, Path file) {
        try {
            trial.readKamelet(file);
            return java.util.Optional.empty();
        } catch (RouteTrial.RouteFileProblem problem) {
            return java.util.Optional.of(problem.getMessage());
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
            return java.util.Optional.of(file + ": " + RouteTrial.messages(e));
        }
    }

    /**
     * The parameters of a query as Camel's SQL component fills them: named ones ({@code :#name}, {@code :#${...}})
     * and plain {@code ?}, outside comments, quoted text and quoted names.
     */
    static int parameters(String sql) {
        int count = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (sql.startsWith("--", i)) {
                i = indexOrEnd(sql, "\n", i + 2);
            } else if (sql.startsWith("/*", i)) {
                i = indexOrEnd(sql, "*/", i + 2) + 1;
            } else if (c == '\'' || c == '"') {
                i = indexOrEnd(sql, String.valueOf(c), i + 1);
            } else if (c == '?' || sql.startsWith(":#", i)) {
                count++;
            }
        }
        return count;
    }

    private static int indexOrEnd(String text, String what, int from) {
        int index = text.indexOf(what, from);
        return index < 0 ? text.length() : index;
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
