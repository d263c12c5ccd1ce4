package io.ocpi.adapter.protocol;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of every route that serves OCPI over HTTP. {@link #ocpiRoute} opens a route with the protocol's entry step
 * (ids, authentication) and its error handling; the route ends with {@code .bean(protocol, "respond")}.
 */
public abstract class OcpiRouteBuilder extends RouteBuilder {

    public static final String ROUTE_CONFIGURATION = "ocpi";

    @Autowired
    protected OcpiProtocol protocol;

    @Autowired
    protected OcpiBodies bodies;

    protected RouteDefinition ocpiRoute(String routeId, Access access) {
        return from("direct:" + routeId)
                .routeId(routeId)
                .routeConfigurationId(ROUTE_CONFIGURATION)
                .process(exchange -> protocol.enter(exchange, access));
    }

    /** Parses and validates the request body as the given OCPI object; refuses it with 2001 otherwise. */
    protected <T> org.apache.camel.Processor body(Class<T> type) {
        return exchange -> exchange.getIn().setBody(bodies.read(exchange.getIn().getBody(byte[].class), type));
    }
}
