package io.ocpi.adapter.protocol;

import org.apache.camel.Exchange;
import org.apache.camel.model.RouteDefinition;

/**
 * An OCPI route past its entry step (ids, authentication and, for a functional module, the routing headers): all that
 * is left to say is how it answers. The answer is the response data, or an {@link OcpiResult} when plain data with
 * HTTP 200 is not enough; the protocol writes the envelope.
 */
public final class OcpiRoute {

    /** How a route answers a request, from the authenticated caller and the request (its parameters and raw body). */
    @FunctionalInterface
    public interface Answer {
        Object to(Caller caller, Exchange request);
    }

    /** How a route answers a request whose body is an OCPI object, read and validated before it is asked. */
    @FunctionalInterface
    public interface BodyAnswer<T> {
        Object to(Caller caller, T body, Exchange request);
    }

    private final RouteDefinition route;
    private final OcpiProtocol protocol;
    private final OcpiBodies bodies;

    OcpiRoute(RouteDefinition route, OcpiProtocol protocol, OcpiBodies bodies) {
        this.route = route;
        this.protocol = protocol;
        this.bodies = bodies;
    }

    /** Ends the route: the answer becomes the response. */
    public void answer(Answer answer) {
        route.process(exchange -> exchange.getMessage().setBody(answer.to(OcpiExchange.caller(exchange), exchange)))
                .bean(protocol, "respond");
    }

    /** Ends the route with a step that reads the body as {@code bodyType} first, refusing it with 2001 otherwise. */
    public <T> void answer(Class<T> bodyType, BodyAnswer<T> bodyAnswer) {
        route.process(exchange -> exchange.getIn().setBody(bodies.read(protocol.body(exchange), bodyType)));
        answer((caller, exchange) -> bodyAnswer.to(caller, exchange.getIn().getBody(bodyType), exchange));
    }
}
