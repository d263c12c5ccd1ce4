package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.support.AdapterInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken route or mapping file is named, with its line, by the check command and at start. */
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

    @Test
    void theShippedRoutesAndMappingsPassTheCheck() {
        assertThat(RouteCheck.run(Path.of("routes"), Path.of("mappings"))).isZero();
    }

    @Test
    void aBrokenRouteFileIsNamedWithItsLine(@TempDir Path routes) throws IOException {
        Path file = routes.resolve("broken.camel.yaml");
        Files.writeString(file, BROKEN_ROUTE);
        assertThat(RouteCheck.checkRoutes(file, Path.of("mappings"))).hasValueSatisfying(problem ->
                assertThat(problem).contains("broken.camel.yaml").contains("setHeaderr").containsPattern("line 7|7:"));
        assertThat(RouteCheck.run(routes, Path.of("mappings"))).isEqualTo(1);
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
        assertThat(RouteCheck.checkRoutes(file, Path.of("mappings"))).hasValue(file
                + ": route counted gives parametersCount 2 for billing/contract-state.sql, which has 3 parameters");
        Files.writeString(file, route.formatted(3));
        assertThat(RouteCheck.checkRoutes(file, Path.of("mappings"))).isEmpty();
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
    void aChangedRouteFileReplacesItsRoutesAndABrokenOneIsRefused(@TempDir Path routes) throws Exception {
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

            Files.writeString(file, BROKEN_ROUTE);
            Thread.sleep(3000);
            assertThat(producer.requestBody("direct:site", "", String.class)).isEqualTo("second");
        }
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

    static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }
}
