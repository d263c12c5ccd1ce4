package io.ocpi.adapter.protocol;

import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of every route that serves OCPI over HTTP. {@link #ocpiRoute} opens a route with the protocol's entry step
 * (ids, authentication) and its error handling; the route says how it answers ({@link OcpiRoute#answer}) and the
 * protocol responds with that.
 */
public abstract class OcpiRouteBuilder extends RouteBuilder {

    public static final String ROUTE_CONFIGURATION = "ocpi";

    @Autowired
    private OcpiProtocol protocol;

    @Autowired
    protected OcpiBodies bodies;

    /**
     * Each interface a route builder declares at its {@value OcpiUrls#VERSION} path ({@code rest(SENDER)}) is served
     * at that path in every OCPI version: the version segment becomes a path parameter, which
     * {@link OcpiProtocol#enter} checks against the versions that serve the module and keeps on the exchange. One
     * route per interface, whatever the version.
     */
    @Override
    protected void populateRests() throws Exception {
        for (RestDefinition rest : getRestCollection().getRests()) {
            if (rest.getPath() != null && OcpiUrls.version(rest.getPath()).isPresent()) {
                rest.path(OcpiUrls.anyVersion(rest.getPath()));
            }
        }
        super.populateRests();
    }

    protected OcpiRoute ocpiRoute(String routeId, Access access) {
        return new OcpiRoute(entry(routeId, access), protocol, bodies);
    }

    /**
     * A route of a functional module: only registered peers, routing headers read and answered.
     *
     * @param side the role of ours that serves this interface (CPO for the locations Sender, EMSP for its Receiver)
     */
    protected OcpiRoute moduleRoute(String routeId, Role side) {
        return new OcpiRoute(entry(routeId, Access.REGISTERED).process(exchange -> protocol.route(exchange, side)), protocol, bodies);
    }

    private RouteDefinition entry(String routeId, Access access) {
        return from("direct:" + routeId)
                .routeId(routeId)
                .routeConfigurationId(ROUTE_CONFIGURATION)
                .process(exchange -> protocol.enter(exchange, access));
    }

    /**
     * An input of the adapter, {@code direct:ocpi.<module>.<name>}, that routes in {@code routes/} send to. It has no
     * error handler of its own: a failure goes back to the sending route, whose error handling decides what becomes of
     * the message (a dead-letter topic, the IDoc error folder, a retry). Handled here, it would be out of its reach.
     */
    protected RouteDefinition input(String module, String name) {
        return from(OcpiEvents.endpoint(module, name)).routeId(module + "-" + name).errorHandler(noErrorHandler());
    }

    /**
     * The longest value of each id a URL carries: CiString(36) for all of them but the CDR id, CiString(39); ours
     * (request ids) are UUIDs.
     */
    private static final java.util.Map<String, Integer> ID_LENGTHS = java.util.Map.ofEntries(
            java.util.Map.entry("location_id", 36), java.util.Map.entry("evse_uid", 36), java.util.Map.entry("connector_id", 36),
            java.util.Map.entry("session_id", 36), java.util.Map.entry("tariff_id", 36), java.util.Map.entry("token_uid", 36),
            java.util.Map.entry("cdr_id", 39), java.util.Map.entry("request_id", 36), java.util.Map.entry("command", 36),
            java.util.Map.entry("terminal_id", 36), java.util.Map.entry("financial_advice_confirmation_id", 36));

    /**
     * A path or query parameter that the route cannot do without. Ids are CiStrings: printable ASCII only, no longer
     * than the spec allows. So a key that could not be stored, or written into a URL, header or file name, never gets
     * past the door.
     */
    protected static String param(Exchange exchange, String name) {
        String value = exchange.getIn().getHeader(name, String.class);
        if (value != null && PATH_PARAMS.contains(name)) {
            value = decoded(name, value);
        }
        if (value == null || value.isBlank()) {
            throw OcpiException.invalid(name + ": missing");
        }
        if (!CiString.Validator.isPrintableAscii(value)) {
            throw OcpiException.invalid(name + ": must be printable ASCII");
        }
        Integer max = ID_LENGTHS.get(name);
        if (max != null && value.length() > max) {
            throw OcpiException.invalid(name + ": at most " + max + " characters, not " + value.length());
        }
        return value;
    }

    private static final java.util.Set<String> PATH_PARAMS = java.util.stream.Stream.concat(ID_LENGTHS.keySet().stream(),
            java.util.stream.Stream.of("country_code", "party_id")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Path segments come as they were sent: an id with a space arrives as {@code A%20B} and means {@code A B}. */
    private static String decoded(String name, String segment) {
        try {
            // In a path, '+' is a plus sign, not a space.
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw OcpiException.invalid(name + ": '" + segment + "' is not a valid URL segment");
        }
    }

    /** The data owner named by the {country_code}/{party_id} segments of a Receiver URL. */
    protected static Party owner(Exchange exchange) {
        String country = param(exchange, "country_code");
        String party = param(exchange, "party_id");
        if (!country.matches("[A-Za-z]{2}")) {
            throw OcpiException.invalid("country_code: '" + country + "' is not an ISO 3166-1 alpha-2 code");
        }
        if (!party.matches("[A-Za-z0-9]{3}")) {
            throw OcpiException.invalid("party_id: '" + party + "' is not a 3-character party id");
        }
        return new Party(country, party);
    }

    /** The stored object a Receiver URL names: owner segments and the id in {@code idParam}. */
    protected static ObjectKey key(Exchange exchange, String module, String idParam) {
        return ObjectKey.of(module, owner(exchange), param(exchange, idParam));
    }

    /** The request's body, to be read by {@link OcpiBodies} into the canonical form. */
    protected RequestBody body(Exchange exchange) {
        return protocol.body(exchange);
    }
}
