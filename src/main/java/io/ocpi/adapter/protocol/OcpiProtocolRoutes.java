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
                // A refusal is an answer, not a failure: the access log has each one, and Camel's retry logging
                // (which changes a shared logger's level per call) stays out of the request's way.
                .logRetryAttempted(false)
                .bean(protocol, "fail");
    }
}
