package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.AdapterApplication;
import io.ocpi.adapter.modules.versions.Endpoint;
import io.ocpi.adapter.modules.versions.VersionsRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Every OCPI route runs under the protocol's error handling, and version details list exactly what is served. */
@CamelSpringBootTest
@SpringBootTest(classes = AdapterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:routes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "camel.main.jmx-enabled=false"})
class OcpiRoutesTest {

    @Autowired
    CamelContext camel;

    @Autowired
    VersionsRoutes versions;

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
            String path = endpoint.url().replaceFirst("^https?://[^/]+", "");
            assertThat(camel.getRoutes()).as("a route serves %s", path)
                    .anyMatch(route -> route.getEndpoint().getEndpointUri().replace(":/", "/").contains(path));
        }
    }
}
