package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.registry.TokenScope;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The OCPI transport rules every route shares: request and correlation ids, authentication, and the one writer of
 * the response envelope, for success and error alike.
 */
@Component
public class OcpiProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(OcpiProtocol.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("ocpi.access");
    /** What a peer is told while the database is out of reach, with HTTP 503 and {@code Retry-After}. */
    static final String UNAVAILABLE = "database unavailable, try again later";
    static final String RETRY_AFTER_SECONDS = "5";

    private final CredentialsTokenReader tokens;
    private final Platform platform;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final AuthLockout lockout;
    private final ResponseHeaders responseHeaders;
    private final ServedVersions versions;
    private final WireForms forms;

    public OcpiProtocol(CredentialsTokenReader tokens, Platform platform, ObjectMapper json, MeterRegistry meters, AuthLockout lockout,
                        ResponseHeaders responseHeaders, ServedVersions versions, WireForms forms) {
        this.versions = versions;
        this.forms = forms;
        this.lockout = lockout;
        this.responseHeaders = responseHeaders;
        this.tokens = tokens;
        this.platform = platform;
        this.json = json;
        this.meters = meters;
    }

    /** First step of every OCPI route: ids, logging context, then who is calling and whether it may. */
    public void enter(Exchange exchange, Access access) {
        exchange.setProperty(OcpiExchange.STARTED, System.nanoTime());
        Message in = exchange.getIn();
        version(exchange, in);
        String requestId = OcpiExchange.idOrNew(in.getHeader(OcpiExchange.HEADER_REQUEST_ID, String.class));
        String correlationId = OcpiExchange.idOrNew(in.getHeader(OcpiExchange.HEADER_CORRELATION_ID, String.class));
        exchange.setProperty(OcpiExchange.REQUEST_ID, requestId);
        exchange.setProperty(OcpiExchange.CORRELATION_ID, correlationId);
        MDC.clear();
        MDC.put("requestId", requestId);
        MDC.put("correlationId", correlationId);

        String authorization = in.getHeader("Authorization", String.class);
        Caller caller = checkedBeforeItsBody(in);
        try {
            if (caller == null) {
                caller = tokens.authenticate(authorization, exchange.getProperty(OcpiExchange.VERSION, VersionNumber.class));
            }
        } catch (OcpiException refused) {
            // A token that is no token of ours is a guess; no header at all is a mistake and is not counted.
            if (authorization != null && !authorization.isBlank()) {
                lockout.failed(remoteAddress(in), false);
            }
            throw refused;
        }
        MDC.put("peer", caller.peer().name());
        if (access == Access.REGISTERED && (caller.scope() != TokenScope.FULL || !caller.peer().isRegistered())) {
            throw OcpiException.unauthorized("this credentials token only gives access to versions and credentials until registration is complete");
        }
        exchange.setProperty(OcpiExchange.CALLER, caller);
    }

    /**
     * Second step of functional-module routes: reads the routing headers and decides which of our parties answers.
     * A request addressed to a party that is not ours is refused: this platform is no hub and forwards nothing.
     */
    public void route(Exchange exchange, Role side) {
        if (OcpiExchange.version(exchange) == VersionNumber.V2_1_1) {
            // OCPI 2.1.1 has no message routing: the request is from the caller's one party, to ours of the interface.
            List<CredentialsRole> theirs = OcpiExchange.caller(exchange).peer().roles();
            Party from = theirs.size() == 1 ? new Party(theirs.get(0).countryCode(), theirs.get(0).partyId()) : null;
            exchange.setProperty(OcpiExchange.ROUTING, new RoutingHeaders(from, platform.party(side)));
            return;
        }
        RoutingHeaders request = RoutingHeaders.read(exchange.getIn());
        if (request.to() != null && !platform.isOurs(request.to())) {
            throw new OcpiException(OcpiStatus.UNKNOWN_RECEIVER, 404, RoutingHeaders.TO_COUNTRY_CODE + "/" + RoutingHeaders.TO_PARTY_ID
                    + ": " + request.to() + " is not a party of this platform, which is " + platform.describe());
        }
        Party answering = request.to() != null ? request.to() : platform.party(side);
        exchange.setProperty(OcpiExchange.ROUTING, new RoutingHeaders(request.from(), answering));
    }

    /**
     * The request's body as the peer wrote it, with the version it speaks and the parties of the body: from the owner
     * the URL names, else the party the routing headers say it is from, else the caller's party of the other role
     * than ours; to our party that answers.
     */
    public RequestBody body(Exchange exchange) {
        byte[] bytes = exchange.getIn().getBody(byte[].class);
        VersionNumber version = OcpiExchange.version(exchange);
        RoutingHeaders routing = exchange.getProperty(OcpiExchange.ROUTING, RoutingHeaders.class);
        Party to = routing == null ? null : routing.to();
        Party from = urlOwner(exchange.getIn());
        if (from == null && routing != null) {
            from = routing.from();
        }
        if (from == null) {
            Role ours = to != null && platform.parties(Role.EMSP).contains(to) ? Role.EMSP : Role.CPO;
            Role theirs = ours == Role.CPO ? Role.EMSP : Role.CPO;
            from = OcpiExchange.caller(exchange).peer().roles().stream().filter(role -> role.role() == theirs).findFirst()
                    .map(role -> new Party(role.countryCode(), role.partyId())).orElse(null);
        }
        return new RequestBody(bytes, version, new WireForm.Parties(from, to));
    }

    /** The owner the {country_code}/{party_id} segments of a Receiver URL name; null when the URL names none. */
    private static Party urlOwner(Message in) {
        String country = in.getHeader("country_code", String.class);
        String party = in.getHeader("party_id", String.class);
        return country != null && party != null && country.matches("[A-Za-z]{2}") && party.matches("[A-Za-z0-9]{3}")
                ? new Party(country, party) : null;
    }

    /** Last step of every OCPI route: the body is the response data, or an {@link OcpiResult}. */
    public void respond(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        OcpiResult result = body instanceof OcpiResult r ? r : OcpiResult.ok(body);
        VersionNumber version = OcpiExchange.version(exchange);
        if (result.data() != null) {
            result = new OcpiResult(inVersion(result.data(), version), result.status(), result.message(), result.httpStatus(), result.headers());
        }
        if (version != VersionNumber.CANONICAL) {
            result = new OcpiResult(result.data(), result.status(), result.message(), result.httpStatus(), inVersion(result.headers(), version));
        }
        write(exchange, httpStatus(exchange, result.status(), result.httpStatus()),
                new OcpiResponse<>(result.data(), result.status().in(OcpiExchange.version(exchange)).code(), result.message(),
                        java.time.Instant.now()), result.headers());
    }

    /**
     * The data of an answer as a peer on {@code version} reads it: each object (alone, or each item of a list) of a
     * type with a {@link WireForm} for that version written in its form, stored text ({@link RawJson}) as well.
     */
    private Object inVersion(Object data, VersionNumber version) {
        try {
            if (data instanceof EncodedList) {
                return data;
            }
            if (data instanceof RawJson raw) {
                String written = forms.toWire(raw.type(), version, raw.json());
                return written.equals(raw.json()) ? raw : new RawJson(written, raw.type());
            }
            if (data instanceof java.util.List<?> list) {
                return list.stream().map(item -> inListVersion(item, version)).filter(java.util.Objects::nonNull).toList();
            }
            return forms.translates(data.getClass(), version) ? forms.toWire(data.getClass(), version, json.valueToTree(data)) : data;
        } catch (WireForm.UntranslatableException e) {
            throw new OcpiException(OcpiStatus.SERVER_ERROR, 500, "the answer cannot be written in OCPI " + version + ": " + e.getMessage());
        }
    }

    /**
     * An item of a list answer in {@code version}, or null when that version cannot carry it: it is left out of the
     * list (as it is of a page held in memory, see {@code SenderSnapshots}), so that it does not keep a peer from the
     * other items.
     */
    private Object inListVersion(Object item, VersionNumber version) {
        try {
            return inVersion(item, version);
        } catch (OcpiException untranslatable) {
            LOG.warn("an item is left out of an OCPI {} list: {}", version, untranslatable.getMessage());
            return null;
        }
    }

    /** The headers of an answer that name one of our URLs (the next page, a created object) at that URL in {@code version}. */
    private static Map<String, String> inVersion(Map<String, String> headers, VersionNumber version) {
        if (!headers.containsKey("Link") && !headers.containsKey("Location")) {
            return headers;
        }
        Map<String, String> written = new java.util.LinkedHashMap<>(headers);
        written.computeIfPresent("Link", (name, link) -> OcpiUrls.version(link).isPresent() ? OcpiUrls.in(version, link) : link);
        written.computeIfPresent("Location", (name, url) -> OcpiUrls.version(url).isPresent() ? OcpiUrls.in(version, url) : url);
        return written;
    }

    /** Error handler of every OCPI route. */
    public void fail(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error instanceof OcpiException ocpi) {
            // The status in the code the request's version has; the HTTP status stays the one the refusal has.
            write(exchange, httpStatus(exchange, ocpi.status(), ocpi.httpStatus()),
                    OcpiResponse.error(ocpi.status().in(OcpiExchange.version(exchange)), ocpi.getMessage()), Map.of());
        } else if (isOutage(error)) {
            LOG.warn("database unavailable: {}", describe(error));
            write(exchange, 503, OcpiResponse.error(OcpiStatus.SERVER_ERROR, UNAVAILABLE), Map.of("Retry-After", RETRY_AFTER_SECONDS));
        } else {
            LOG.error("unexpected error in route {}", exchange.getFromRouteId(), error);
            write(exchange, 500, OcpiResponse.error(OcpiStatus.SERVER_ERROR, "internal error, see the adapter log for request id "
                    + exchange.getProperty(OcpiExchange.REQUEST_ID)), Map.of());
        }
    }

    /**
     * A client error answered HTTP 200, as the spec has it for requests that reached the OCPI layer, gets its HTTP
     * error instead when the calling peer is set to that.
     */
    private static int httpStatus(Exchange exchange, OcpiStatus status, int httpStatus) {
        Caller caller = exchange.getProperty(OcpiExchange.CALLER, Caller.class);
        boolean httpErrors = caller != null && caller.peer().httpErrorsForRefusals();
        return httpErrors && httpStatus == 200 && OcpiStatus.isClientError(status.code()) ? status.httpError() : httpStatus;
    }

    /**
     * Whether a failure comes from the database being out of reach for now (down, restarting, connections cut, the
     * pool waited {@code spring.datasource.hikari.connection-timeout} in vain) rather than from the request: the peer
     * should send it again later, and nothing is wrong with it. Looks through wrappers (Camel's, and Spring's
     * {@code CannotCreateTransactionException}, which is no {@code DataAccessException}) down to the cause.
     */
    public static boolean isOutage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // Drivers report a lost server by SQLSTATE rather than by type: 08 connection exception, 57P01-57P03
            // shut down by the administrator, crashed, or still starting up.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error + " (" + root + ")";
    }

    private void write(Exchange exchange, int httpStatus, OcpiResponse<?> envelope, Map<String, String> headers) {
        Message out = exchange.getMessage();
        String method = exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
        String path = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
        // Request headers must never travel back: only what we set here is answered.
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, httpStatus);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setHeader(OcpiExchange.HEADER_REQUEST_ID, exchange.getProperty(OcpiExchange.REQUEST_ID));
        out.setHeader(OcpiExchange.HEADER_CORRELATION_ID, exchange.getProperty(OcpiExchange.CORRELATION_ID));
        if (exchange.getIn() instanceof PlatformHttpMessage http) {
            responseHeaders.routing(http.getRequest()).forEach(out::setHeader);
        }
        headers.forEach(out::setHeader);
        try {
            out.setBody(envelope.data() instanceof EncodedList list
                    ? list.enveloped(json.writeValueAsBytes(new OcpiResponse<>(null, envelope.statusCode(), envelope.statusMessage(), envelope.timestamp())))
                    : json.writeValueAsBytes(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
        Long started = exchange.getProperty(OcpiExchange.STARTED, Long.class);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        long millis = nanos / 1_000_000;
        Caller caller = exchange.getProperty(OcpiExchange.CALLER, Caller.class);
        record(exchange.getFromRouteId(), method, caller == null ? "none" : caller.peer().name(), httpStatus, envelope.statusCode(), nanos);
        ACCESS.info("{} {} -> {} {} {}ms{}", method, path, httpStatus, envelope.statusCode(), millis,
                envelope.isSuccess() || envelope.statusMessage() == null ? "" : " " + envelope.statusMessage());
        MDC.clear();
    }

    /**
     * One timer per module, interface, method, calling peer ({@code none} before authentication) and outcome, named
     * after the route: {@code locations-receiver-put-evse} is module locations, interface receiver.
     */
    private void record(String routeId, String method, String peer, int httpStatus, Integer ocpiStatus, long nanos) {
        String[] parts = routeId == null ? new String[] {"unknown"} : routeId.split("-");
        String module = parts[0].equals("version") ? "versions" : parts[0];
        String role = parts.length > 1 && (parts[1].equals("sender") || parts[1].equals("receiver")) ? parts[1] : "none";
        Timer.builder("ocpi.requests")
                .description("OCPI requests served")
                .tag("module", module)
                .tag("interface", role)
                .tag("method", method == null ? "unknown" : method)
                .tag("peer", peer)
                .tag("http_status", Integer.toString(httpStatus))
                .tag("ocpi_status", ocpiStatus == null ? "none" : Integer.toString(ocpiStatus))
                .register(meters)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * The caller whose token {@link BodySizeLimit} checked before reading the request's body, or the failure of that
     * check (a database out of reach) thrown again rather than waited for twice; null when it found none.
     */
    private static Caller checkedBeforeItsBody(Message in) {
        Object checked = in instanceof PlatformHttpMessage http ? http.getRequest().getAttribute(BodySizeLimit.TOKEN_CHECK) : null;
        if (checked instanceof RuntimeException failure) {
            throw failure;
        }
        return (Caller) checked;
    }

    /**
     * The OCPI version the request's path names, kept on the exchange. A path of a version we do not serve, or of a
     * module the version lacks, is answered as a path we have no endpoint at.
     */
    private void version(Exchange exchange, Message in) {
        in.removeHeader(OcpiUrls.VERSION_PARAMETER);
        String path = requestPath(in);
        if (path == null || !OcpiUrls.isVersioned(path)) {
            return;
        }
        VersionNumber version = versions.serving(path)
                .orElseThrow(() -> new OcpiException(OcpiStatus.CLIENT_ERROR, 404, "no endpoint at " + path));
        exchange.setProperty(OcpiExchange.VERSION, version);
    }

    /** The path the request was sent to: routes are served at one path per OCPI version, which the path names. */
    private static String requestPath(Message in) {
        return in instanceof PlatformHttpMessage http ? http.getRequest().getRequestURI() : in.getHeader(Exchange.HTTP_URI, String.class);
    }

    private static String remoteAddress(Message in) {
        return in instanceof PlatformHttpMessage http ? http.getRequest().getRemoteAddr() : null;
    }

}
