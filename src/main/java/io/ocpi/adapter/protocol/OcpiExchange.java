package io.ocpi.adapter.protocol;

import org.apache.camel.Exchange;

/** Names of what the protocol keeps on a Camel exchange while it serves one OCPI request. */
public final class OcpiExchange {

    public static final String CALLER = "ocpi.caller";
    public static final String REQUEST_ID = "ocpi.requestId";
    public static final String CORRELATION_ID = "ocpi.correlationId";
    public static final String STARTED = "ocpi.started";
    public static final String ROUTING = "ocpi.routing";
    /** Which of our parties answers this request (the OCPI-from of the response). */
    public static final String ANSWERING_PARTY = "ocpi.answeringParty";

    public static final String HEADER_REQUEST_ID = "X-Request-ID";
    public static final String HEADER_CORRELATION_ID = "X-Correlation-ID";

    private OcpiExchange() {
    }

    public static Caller caller(Exchange exchange) {
        Caller caller = exchange.getProperty(CALLER, Caller.class);
        if (caller == null) {
            throw new IllegalStateException("route " + exchange.getFromRouteId() + " reads the caller before authenticating it");
        }
        return caller;
    }
}
