package io.ocpi.adapter.protocol;

import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The headers every OCPI answer carries, whichever part of the adapter gives it (a route, a filter's refusal, the
 * error controller): the request's X-Request-ID and X-Correlation-ID, and on functional modules the request's routing
 * headers swapped (not in OCPI 2.1.1, which has none).
 */
@Component
public class ResponseHeaders {

    private final Platform platform;

    public ResponseHeaders(Platform platform) {
        this.platform = platform;
    }

    /** Ids and routing headers of an answer given outside a route. */
    public Map<String, String> of(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(OcpiExchange.HEADER_REQUEST_ID, OcpiExchange.idOrNew(request.getHeader(OcpiExchange.HEADER_REQUEST_ID)));
        headers.put(OcpiExchange.HEADER_CORRELATION_ID, OcpiExchange.idOrNew(request.getHeader(OcpiExchange.HEADER_CORRELATION_ID)));
        headers.putAll(routing(request));
        return headers;
    }

    /**
     * The routing headers of an answer of a functional module (none for the configuration modules): from the party
     * the request was addressed to, or our party on the interface's side when it named none or one we do not have; to
     * the party that asked, when it said. A refused request may carry malformed routing headers: what cannot be read
     * is left out, the rest is answered.
     */
    public Map<String, String> routing(HttpServletRequest request) {
        // On the error controller's dispatch, the path the request was sent to.
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String sentTo ? sentTo : request.getRequestURI();
        Optional<Party> ourSide = OcpiUrls.side(path).flatMap(side -> platform.parties(side).stream().findFirst());
        // OCPI 2.1.1 has no message routing.
        if (ourSide.isEmpty() || OcpiUrls.version(path).orElse(null) == VersionNumber.V2_1_1) {
            return Map.of();
        }
        Party to = readable(request, RoutingHeaders.TO_COUNTRY_CODE, RoutingHeaders.TO_PARTY_ID);
        Party answering = to != null && platform.isOurs(to) ? to : ourSide.get();
        return RoutingHeaders.answer(answering, readable(request, RoutingHeaders.FROM_COUNTRY_CODE, RoutingHeaders.FROM_PARTY_ID));
    }

    private static Party readable(HttpServletRequest request, String countryHeader, String partyHeader) {
        try {
            return RoutingHeaders.party(request::getHeader, countryHeader, partyHeader);
        } catch (OcpiException malformed) {
            return null;
        }
    }
}
