package io.ocpi.adapter.protocol;

import io.ocpi.adapter.AdapterApplication;
import io.ocpi.adapter.modules.versions.VersionsRoutes;
import io.ocpi.adapter.ocpi.Endpoint;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every OCPI route runs under the protocol's error handling, on the servlet thread that received the request;
 * responses carry the security headers before a route adds its own, and version details list exactly what is served.
 */
@CamelSpringBootTest
@SpringBootTest(classes = AdapterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:routes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "camel.main.jmx-enabled=false", "logging.level.org.apache.camel.processor.errorhandler=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
@Import(OcpiRoutesTest.LastFilter.class)
class OcpiRoutesTest {

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    VersionsRoutes versions;

    @Autowired
    OcpiEvents events;

    @Test
    void everyRestRouteUsesTheOcpiRouteConfiguration() {
        ModelCamelContext model = (ModelCamelContext) camel;
        assertThat(camel.getRoutes()).isNotEmpty();
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint().getEndpointUri().startsWith("rest:")) {
                assertThat(model.getRouteDefinition(route.getRouteId()).getRouteConfigurationId())
                        .as("route %s", route.getRouteId()).isEqualTo(OcpiRouteBuilder.ROUTE_CONFIGURATION);
            }
        }
    }

    @Test
    void versionDetailsListAServedPathForEveryEndpoint() {
        for (Endpoint endpoint : versions.versionDetails().endpoints()) {
            // Each path is served in every version, its version segment a path parameter.
            String path = endpoint.url().replaceFirst("^https?://[^/]+", "").replace("/2.2.1", "/{ocpi_version}");
            assertThat(camel.getRoutes()).as("a route serves %s", path)
                    .anyMatch(route -> java.net.URLDecoder.decode(route.getEndpoint().getEndpointUri(), java.nio.charset.StandardCharsets.UTF_8)
                            .replace(":/", "/").contains(path));
        }
    }

    /**
     * A refused request is answered by the protocol's error handling alone: Camel's error handler does not log it.
     * It would log it at DEBUG through a logger whose level it swaps for the call and back, which is not thread-safe:
     * among many requests refused at once, such a line came out at ERROR now and then.
     */
    @Test
    void aRefusedRequestIsNotLoggedByCamelsErrorHandler(CapturedOutput output) throws Exception {
        HttpResponse<String> refused = versionsWithAnUnknownToken();

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"status_code\":2000");
        assertThat(output.getAll()).contains("ocpi.access").doesNotContain("Failed delivery");
    }

    /**
     * The security headers are on the response before the request goes on to the route. Written on the way out, as
     * Spring Security does by default, they were once written while a route on another thread added its headers to
     * the same response; its header table is not thread-safe, and now and then a response went out with an empty
     * header line, which HTTP clients refuse.
     */
    @Test
    void securityHeadersAreWrittenBeforeTheRouteRuns() throws Exception {
        LastFilter.contentTypeOptions.set(null);

        HttpResponse<String> answer = versionsWithAnUnknownToken();

        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(LastFilter.contentTypeOptions.get()).as("X-Content-Type-Options as the request went on").isEqualTo("nosniff");
    }

    /**
     * OCPI paths are outside Spring Security's chain (peers authenticate with OCPI tokens): their answers carry the
     * same security headers as the chain writes on the other paths.
     */
    @Test
    void ocpiAnswersCarryTheSecurityHeadersOfTheOtherPaths() throws Exception {
        HttpResponse<String> ocpi = versionsWithAnUnknownToken();
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        for (String header : java.util.List.of("X-Content-Type-Options", "X-XSS-Protection", "Cache-Control", "Pragma", "Expires",
                "X-Frame-Options")) {
            assertThat(health.headers().allValues(header)).as(header + " on the other paths").isNotEmpty();
            assertThat(ocpi.headers().allValues(header)).as(header).isEqualTo(health.headers().allValues(header));
        }
        assertThat(ocpi.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
    }

    /** A route that starts listening to an event after it was announced to nobody gets it at the next announcement. */
    @Test
    void aRouteAddedLaterListensToTheNextEvent() throws Exception {
        assertThat(events.announce("routes-test", "asked", "question", java.util.Map.of())).isNull();

        camel.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(OcpiEvents.endpoint("routes-test", "asked")).routeId("routes-test-asked").setBody(constant("answer"));
            }
        });
        try {
            assertThat(events.announce("routes-test", "asked", "question", java.util.Map.of())).isEqualTo("answer");
            camel.getRouteController().stopRoute("routes-test-asked");
            assertThat(events.announce("routes-test", "asked", "question", java.util.Map.of())).as("stopped").isNull();
        } finally {
            camel.getRouteController().stopRoute("routes-test-asked");
            camel.removeRoute("routes-test-asked");
        }
        assertThat(events.announce("routes-test", "asked", "question", java.util.Map.of())).as("removed").isNull();
    }

    /**
     * The route has answered by the time the servlet returns to the filters: no hand-off to another thread, no
     * asynchronous dispatch to close the request (Camel's own engine costs each request both).
     */
    @Test
    void aRequestIsAnsweredOnTheThreadThatReceivedIt() throws Exception {
        LastFilter.onTheWayOut.set(null);

        HttpResponse<String> answer = versionsWithAnUnknownToken();

        assertThat(answer.statusCode()).isEqualTo(401);
        // The answer reaches the client as it is flushed, a moment before the filter records its state.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(LastFilter.onTheWayOut.get()).as("when the servlet returned").isEqualTo("committed, not async"));
    }

    private HttpResponse<String> versionsWithAnUnknownToken() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ocpi/versions"))
                .header("Authorization", "Token bm8tc3VjaC10b2tlbg==").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The last filter before the servlet: what the response carries on the way in, and its state on the way out. */
    @TestConfiguration
    static class LastFilter {

        static final AtomicReference<String> contentTypeOptions = new AtomicReference<>();
        static final AtomicReference<String> onTheWayOut = new AtomicReference<>();

        @Bean
        FilterRegistrationBean<Filter> lastFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                contentTypeOptions.set(((HttpServletResponse) response).getHeader("X-Content-Type-Options"));
                chain.doFilter(request, response);
                onTheWayOut.set((response.isCommitted() ? "committed" : "not committed")
                        + (request.isAsyncStarted() ? ", async" : ", not async"));
            });
            registration.addUrlPatterns("/ocpi/*");
            registration.setOrder(Ordered.LOWEST_PRECEDENCE);
            return registration;
        }
    }
}
