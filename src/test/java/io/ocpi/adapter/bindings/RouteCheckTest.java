package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.Ports;
import io.ocpi.adapter.support.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

/** A broken route or mapping file is named, with its line, by the check command, at start and at reload. */
@ExtendWith(OutputCaptureExtension.class)
class RouteCheckTest {

    static final String BROKEN_ROUTE = """
            - route:
                id: broken
                from:
                  uri: direct:ocpi.cdrs.received.broken
                  steps:
                    - to: log:ok
                    - setHeaderr:
                        name: X
                        constant: y
            """;

    static RouteTrial trial;

    @BeforeAll
    static void trialOnTheEmbeddedDefaults() {
        trial = RouteTrial.reading();
    }

    @AfterAll
    static void closeTheTrial() {
        trial.close();
    }

    @Test
    void theShippedRoutesAndMappingsPassTheCheck() {
        assertThat(RouteCheck.run("routes", "mappings")).isZero();
    }

    @Test
    void aBrokenRouteFileIsNamedWithItsLine(@TempDir Path routes) throws IOException {
        Path file = routes.resolve("broken.camel.yaml");
        Files.writeString(file, BROKEN_ROUTE);
        assertThat(RouteCheck.checkRoutes(trial, file, Path.of("mappings"))).hasValueSatisfying(problem ->
                assertThat(problem).contains("broken.camel.yaml").contains("setHeaderr").containsPattern("line 7|7:"));
        assertThat(RouteCheck.run(routes.toString(), "mappings")).isEqualTo(1);
    }

    @Test
    void aRouteFileOutsideTheYamlDslSchemaIsNamedWithItsLineAndWhatTheSchemaWants(@TempDir Path routes) throws IOException {
        Path file = routes.resolve("switched.camel.yaml");
        // Camel itself builds this route: the placeholder gives a boolean. Editors that keep to the schema do not.
        Files.writeString(file, """
                - route:
                    id: switched
                    autoStartup: "{{ocpi.bindings.kafka.enabled}}"
                    from:
                      uri: direct:ocpi.cdrs.received.switched
                      steps:
                        - to: log:received
                """);
        assertThat(RouteCheck.checkRoutes(trial, file, Path.of("mappings"))).hasValue(file
                + ":3: /0/route/autoStartup: string found, boolean expected (Camel YAML DSL schema)");
        assertThat(RouteCheck.run(routes.toString(), "mappings")).isEqualTo(1);

        Files.writeString(file, Files.readString(file).replace("autoStartup", "precondition"));
        assertThat(RouteCheck.checkRoutes(trial, file, Path.of("mappings"))).isEmpty();
    }

    @Test
    void aRouteOfABindingSwitchedOffIsCheckedAllTheSame(@TempDir Path routes) throws IOException {
        Path file = routes.resolve("off.camel.yaml");
        Files.writeString(file, """
                - route:
                    id: off
                    precondition: "{{ocpi.bindings.kafka.enabled}}"
                    from:
                      uri: direct:ocpi.cdrs.received.off
                      steps:
                        - to: direcct:nowhere
                """);
        assertThat(RouteCheck.run(routes.toString(), "mappings", "--ocpi.bindings.kafka.enabled=false")).isEqualTo(1);
        assertThat(RouteCheck.checkRoutes(trial, file, Path.of("mappings"))).hasValueSatisfying(problem ->
                assertThat(problem).startsWith(file + ":7: route off: ").contains("direcct"));
    }

    @Test
    void everyRouteIsBuiltPlaceholdersEndpointsAndBeansAndWhatFailsIsNamedWithItsLine(@TempDir Path routes) throws IOException {
        Map<String, String> broken = brokenSteps();
        broken.put("processedIdocz", withStep("""
                - idempotentConsumer:
                            header: X
                            idempotentRepository: "#processedIdocz"
                            steps:
                              - to: log:once"""));
        for (Map.Entry<String, String> mistake : broken.entrySet()) {
            Path file = routes.resolve(mistake.getKey() + ".camel.yaml");
            Files.writeString(file, mistake.getValue());
            assertThat(RouteCheck.checkRoutes(trial, file, Path.of("mappings"))).as(mistake.getKey()).hasValueSatisfying(problem ->
                    assertThat(problem).contains(mistake.getKey()).startsWith(file + ":8: route site: "));
        }
        assertThat(RouteCheck.run(routes.toString(), "mappings")).isEqualTo(1);
    }

    @Test
    void placeholdersAreResolvedAgainstTheConfigurationTheAdapterRunsWith(@TempDir Path routes) throws IOException {
        Path file = routes.resolve("site.camel.yaml");
        Files.writeString(file, withStep("- to: log:{{site.logger}}"));
        assertThat(RouteCheck.checkRoutes(trial, file, Path.of("mappings"))).hasValueSatisfying(problem -> assertThat(problem).contains("site.logger"));
        assertThat(RouteCheck.run(routes.toString(), "mappings", "--site.logger=site")).isZero();
        // The shipped routes with the second platform's profile, as the README starts it.
        assertThat(RouteCheck.run("routes", "mappings", "--spring.profiles.active=second")).isZero();
    }

    @Test
    void anSqlCallWhoseParameterCountIsNotItsQuerysIsNamed(@TempDir Path routes) throws IOException {
        Path file = routes.resolve("count.camel.yaml");
        String route = """
                - route:
                    id: counted
                    from:
                      uri: direct:ocpi.tokens.authorize.counted
                      steps:
                        - to:
                            uri: sql:file:{{ocpi.bindings.mappings}}/billing/contract-state.sql
                            parameters:
                              dataSource: "#billing"
                              parametersCount: %d
                """;
        Files.writeString(file, route.formatted(2));
        assertThat(RouteCheck.checkRoutes(trial, file, Path.of("mappings"))).hasValue(file
                + ": route counted gives parametersCount 2 for billing/contract-state.sql, which has 3 parameters");
        Files.writeString(file, route.formatted(3));
        assertThat(RouteCheck.checkRoutes(trial, file, Path.of("mappings"))).isEmpty();
    }

    @Test
    void theParametersOfAQueryAreCountedOutsideCommentsAndQuotes() {
        assertThat(RouteCheck.parameters("""
                -- the card's contract? by :#uid
                SELECT 'a ? and :#b', "odd?name" /* :#c ? */ FROM t
                WHERE uid = :#uid AND state = ? AND location = :#${header.OcpiLocationId} -- ?
                """)).isEqualTo(3);
        assertThat(RouteCheck.parameters("SELECT 1 /* no end ?")).isZero();
    }

    @Test
    void aBrokenMappingIsNamedWithItsLine(@TempDir Path mappings) throws IOException {
        Path file = mappings.resolve("broken.jslt");
        Files.writeString(file, "{\n  \"uid\": .uid,\n  \"valid\": .state == \n}\n");
        assertThat(RouteCheck.checkJslt(file)).hasValueSatisfying(problem ->
                assertThat(problem).contains("broken.jslt").contains("line 4"));
    }

    @Test
    void theAdapterRefusesToStartWithABrokenRouteFileAndNamesIt(@TempDir Path routes) throws IOException {
        Files.writeString(routes.resolve("broken.camel.yaml"), BROKEN_ROUTE);
        assertThatThrownBy(() -> AdapterInstance.start("broken-routes", "NL", "AD",
                Map.of("camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml")).close())
                .satisfies(e -> assertThat(chain(e)).contains("broken.camel.yaml").contains("setHeaderr"));
    }

    @Test
    void aChangedRouteFileReplacesItsRoutesAndABrokenOneIsRefused(@TempDir Path routes, CapturedOutput log) throws Exception {
        Path file = routes.resolve("site.camel.yaml");
        Files.writeString(file, route("first"));
        Map<String, Object> settings = Map.of(
                "camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml",
                "camel.main.routes-reload-directory", routes.toString());
        try (AdapterInstance adapter = AdapterInstance.start("reload", "NL", "AD", settings)) {
            ProducerTemplate producer = adapter.bean(CamelContext.class).createProducerTemplate();
            assertThat(producer.requestBody("direct:site", "", String.class)).isEqualTo("first");

            Files.writeString(file, route("second"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "second".equals(producer.requestBody("direct:site", "", String.class)));

            // Each kind of mistake, by the word the refusal names: the file is refused, named with the line, and the
            // routes it had keep running. (A change may be seen twice: the refusal looked for is the one of this file.)
            Map<String, String> broken = brokenSteps();
            broken.put("setHeaderr", BROKEN_ROUTE);
            broken.put("boolean expected", route("third").replace("    id: site\n", "    id: site\n    autoStartup: \"{{ocpi.bindings.kafka.enabled}}\"\n"));
            broken.put("missing", route("third") + """
                    - route:
                        id: site-poller
                        from:
                          uri: file:%s?autoCreate=false&startingDirectoryMustExist=true
                          steps:
                            - to: log:polled
                    """.formatted(routes.resolve("missing")));
            for (Map.Entry<String, String> mistake : broken.entrySet()) {
                String where = switch (mistake.getKey()) {
                    case "setHeaderr" -> "site.camel.yaml: Unknown node id: setHeaderr";
                    case "boolean expected" -> "site.camel.yaml:3: /0/route/autoStartup";
                    case "missing" -> "site.camel.yaml:8: route site-poller: ";
                    default -> "site.camel.yaml:8: route site: ";
                };
                int before = log.getOut().length();
                Files.writeString(file, mistake.getValue());
                await().atMost(Duration.ofSeconds(30)).until(() -> log.getOut().substring(before).lines()
                        .anyMatch(line -> line.contains(where) && line.contains(mistake.getKey())));
                assertThat(log.getOut().substring(before)).as(mistake.getKey()).contains("its routes keep running");
                assertThat(producer.requestBody("direct:site", "", String.class)).as(mistake.getKey()).isEqualTo("second");
            }
            assertThat(log.getOut()).contains("line 7");
            assertThat(adapter.bean(CamelContext.class).getRoute("site-poller")).isNull();

            Files.writeString(file, route("fourth"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "fourth".equals(producer.requestBody("direct:site", "", String.class)));

            // A route switched off is not created, and a file that has one is reloaded all the same.
            Path switched = routes.resolve("switched.camel.yaml");
            Files.writeString(switched, switchedRoutes("fifth"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "fifth".equals(producer.requestBody("direct:switched", "", String.class)));
            Files.writeString(switched, switchedRoutes("sixth"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "sixth".equals(producer.requestBody("direct:switched", "", String.class)));
            assertThat(adapter.bean(CamelContext.class).getRoute("switched-off")).isNull();
        }
    }

    @Test
    void aChangedRouteFileThatUsesAKameletReplacesItsKameletRoutesToo(@TempDir Path routes, CapturedOutput log) throws Exception {
        Files.writeString(routes.resolve("site-answer.kamelet.yaml"), SITE_ANSWER_KAMELET);
        Path file = routes.resolve("site.camel.yaml");
        Files.writeString(file, kameletRoute("first"));
        Map<String, Object> settings = Map.of(
                "camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml",
                "camel.main.routes-reload-directory", routes.toString(),
                "camel.component.kamelet.location", "file:" + routes);
        try (AdapterInstance adapter = AdapterInstance.start("kamelet-reload", "NL", "AD", settings)) {
            CamelContext camel = adapter.bean(CamelContext.class);
            ProducerTemplate producer = camel.createProducerTemplate();
            assertThat(producer.requestBody("direct:site-kamelet", "", String.class)).isEqualTo("first");

            for (String answer : List.of("second", "third")) {
                Files.writeString(file, kameletRoute(answer));
                await().atMost(Duration.ofSeconds(30)).until(() -> answer.equals(producer.requestBody("direct:site-kamelet", "", String.class)));
            }
            // The same file again (saved unchanged): its routes are replaced all the same, and still answer.
            int before = log.getOut().length();
            Files.writeString(file, kameletRoute("third") + "\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> log.getOut().substring(before).contains("site.camel.yaml reloaded"));
            assertThat(producer.requestBody("direct:site-kamelet", "", String.class)).isEqualTo("third");
            // The Kamelet file is no route file: no route of its own, only those made for the routes that use it.
            assertThat(camel.getRoutes()).filteredOn(route -> !route.isCreatedByKamelet()).extracting(Route::getRouteId)
                    .contains("site-kamelet").noneMatch(id -> id.startsWith("site-answer"));
            assertThat(camel.getRoutes()).filteredOn(Route::isCreatedByKamelet).as("the Kamelet routes of the routes replaced are gone")
                    .hasSize(1);
        }
    }

    @Test
    void aReloadedSapRouteFileWritesItsIdocFilesThroughTheFileDropsKamelet(@TempDir Path site, CapturedOutput log) throws Exception {
        FileSystemUtils.copyRecursively(Path.of("routes"), site.resolve("routes"));
        Map<String, Object> settings = new HashMap<>();
        settings.put("camel.main.routes-include-pattern", "file:" + site.resolve("routes") + "/*.camel.yaml");
        settings.put("camel.main.routes-reload-directory", site.resolve("routes").toString());
        settings.put("camel.component.kamelet.location", "file:" + site.resolve("routes"));
        settings.put("ocpi.bindings.sftp.enabled", true);
        settings.put("ocpi.bindings.sftp.embedded.enabled", true);
        settings.put("ocpi.bindings.sftp.embedded.root", site.resolve("sftp").toString());
        settings.put("ocpi.bindings.sftp.port", Ports.free());
        try (AdapterInstance adapter = AdapterInstance.start("sap-reload", "NL", "SR", settings)) {
            ProducerTemplate producer = adapter.bean(CamelContext.class).createProducerTemplate();
            producer.sendBodyAndHeader("direct:sap-cdr-to-idoc-file", Samples.cdr("PCP", "CDR-BEFORE", "UMS"), "OcpiDeliveryId", 21L);
            assertThat(Files.readString(site.resolve("sftp/outbound/ZOCPICDR_21.idoc"))).contains("CDR-BEFORE");

            Path routes = site.resolve("routes/sap.camel.yaml");
            int before = log.getOut().length();
            Files.writeString(routes, Files.readString(routes) + "\n# changed\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> log.getOut().substring(before).contains("sap.camel.yaml reloaded"));
            producer.sendBodyAndHeader("direct:sap-cdr-to-idoc-file", Samples.cdr("PCP", "CDR-AFTER", "UMS"), "OcpiDeliveryId", 22L);
            assertThat(Files.readString(site.resolve("sftp/outbound/ZOCPICDR_22.idoc"))).contains("CDR-AFTER");
        }
    }

    @Test
    void aKameletFileThatDoesNotReadOrIsNotNamedByItsFileIsNamed(@TempDir Path routes, CapturedOutput log) throws IOException {
        Files.writeString(routes.resolve("site-answer.kamelet.yaml"), SITE_ANSWER_KAMELET);
        assertThat(RouteCheck.run(routes.toString(), "mappings")).isZero();

        Files.writeString(routes.resolve("site-answer.kamelet.yaml"), SITE_ANSWER_KAMELET.replace("name: site-answer", "name: site-answers"));
        assertThat(RouteCheck.run(routes.toString(), "mappings")).isEqualTo(1);
        assertThat(log.getErr()).contains("site-answer.kamelet.yaml: no Kamelet named site-answer");
    }

    static final String SITE_ANSWER_KAMELET = """
            apiVersion: camel.apache.org/v1
            kind: Kamelet
            metadata:
              name: site-answer
              labels:
                camel.apache.org/kamelet.type: action
            spec:
              definition:
                title: Site answer
                description: Answers with the text given
                type: object
                required:
                  - answer
                properties:
                  answer:
                    title: Answer
                    description: The text to answer with
                    type: string
              template:
                from:
                  uri: kamelet:source
                  steps:
                    - setBody:
                        constant: "{{answer}}"
            """;

    static String kameletRoute(String answer) {
        return """
                - route:
                    id: site-kamelet
                    from:
                      uri: direct:site-kamelet
                      steps:
                        - to:
                            uri: kamelet:site-answer
                            parameters:
                              answer: %s
                """.formatted(answer);
    }

    /** The site route with a step that does not build, by the word its problem names. */
    static Map<String, String> brokenSteps() {
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("direcct", withStep("- to: direcct:site-elsewhere"));
        broken.put("mapings", withStep("- to: jslt:file:{{ocpi.bindings.mapings}}/sap/cdr-to-idoc.jslt"));
        broken.put("levell", withStep("- to: log:site?levell=INFO"));
        broken.put("billling", withStep("- to: sql:select 1?dataSource=#billling"));
        broken.put("idocc", withStep("""
                - bean:
                            ref: idocc
                            method: read"""));
        return broken;
    }

    /** The site route, answering "second", with one more step at line 8. */
    static String withStep(String step) {
        return route("second") + "        " + step + "\n";
    }

    static String route(String answer) {
        return """
                - route:
                    id: site
                    from:
                      uri: direct:site
                      steps:
                        - setBody:
                            constant: %s
                """.formatted(answer);
    }

    /** A route answering, and one of a binding switched off (Kafka, off in the embedded run). */
    static String switchedRoutes(String answer) {
        return """
                - route:
                    id: switched-on
                    from:
                      uri: direct:switched
                      steps:
                        - setBody:
                            constant: %s
                - route:
                    id: switched-off
                    precondition: "{{ocpi.bindings.kafka.enabled}}"
                    from:
                      uri: direct:switched.off
                      steps:
                        - to: log:off
                """.formatted(answer);
    }

    static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }
}
