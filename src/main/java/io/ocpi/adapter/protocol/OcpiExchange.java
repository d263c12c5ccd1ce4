package io.ocpi.adapter.protocol;

import io.ocpi.adapter.ocpi.VersionNumber;
import org.apache.camel.Exchange;

/** Names of what the protocol keeps on a Camel exchange while it serves one OCPI request. */
public final class OcpiExchange {

    public static final String CALLER = "ocpi.caller";
    public static final String REQUEST_ID = "ocpi.requestId";
    public static final String CORRELATION_ID = "ocpi.correlationId";
    public static final String STARTED = "ocpi.started";
    /** The request's routing: from the party that asked (null when it did not say), to the party of ours that answers. */
    public static final String ROUTING = "ocpi.routing";
    /** The OCPI version of the request, from its path: the shape its bodies are written in. */
    public static final String VERSION = "ocpi.version";

    public static final String HEADER_REQUEST_ID = "X-Request-ID";
    public static final String HEADER_CORRELATION_ID = "X-Correlation-ID";
    /** The longest X-Request-ID or X-Correlation-ID echoed: the length of the spec's longest strings. */
    public static final int MAX_ID_LENGTH = 255;

    private OcpiExchange() {
    }

    /**
     * The value of an X-Request-ID or X-Correlation-ID header as the answer echoes it: as the request sent it, or a
     * fresh one when it sent none or one longer than {@value #MAX_ID_LENGTH} characters.
     */
    public static String idOrNew(String value) {
        return value == null || value.isBlank() || value.length() > MAX_ID_LENGTH ? java.util.UUID.randomUUID().toString() : value;
    }

    public static RoutingHeaders routing(Exchange exchange) {
        RoutingHeaders routing = exchange.getProperty(ROUTING, RoutingHeaders.class);
        if (routing == null) {
            throw new IllegalStateException("route " + exchange.getFromRouteId() + " reads the routing headers of no functional module");
        }
        return routing;
    }

    /** The OCPI version the request speaks; the canonical one for requests that did not say. */
    public static VersionNumber version(Exchange exchange) {
        VersionNumber version = exchange.getProperty(VERSION, VersionNumber.class);
        return version == null ? VersionNumber.CANONICAL : version;
    }

    public static Caller caller(Exchange exchange) {
        Caller caller = exchange.getProperty(CALLER, Caller.class);
        if (caller == null) {
            throw new IllegalStateException("route " + exchange.getFromRouteId() + " reads the caller before authenticating it");
        }
        return caller;
    }
}
