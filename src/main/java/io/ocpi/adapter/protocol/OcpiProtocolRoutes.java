package io.ocpi.adapter.protocol;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * What all OCPI routes share in Camel: the REST engine (platform-http on the Spring Boot web server) and one error
 * handler that turns any exception into the OCPI error envelope.
 */
@Component
public class OcpiProtocolRoutes extends RouteConfigurationBuilder {

    private final OcpiProtocol protocol;

    public OcpiProtocolRoutes(OcpiProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public void configuration() {
        // Bodies are read by OcpiBodies, so that every parse or validation error names the field.
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);

        routeConfiguration(OcpiRouteBuilder.ROUTE_CONFIGURATION)
                .onException(Exception.class)
                .handled(true)
                // Camel's error handler would log each refusal at DEBUG through a logger shared by the route's
                // requests, whose level it sets for the call and puts back: not thread-safe, so among refusals on
                // several threads at once a line now and then came out at ERROR. The access log has every refusal.
                .logRetryAttempted(false)
                .bean(protocol, "fail");
    }
}
