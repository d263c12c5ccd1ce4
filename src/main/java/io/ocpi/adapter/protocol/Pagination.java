package io.ocpi.adapter.protocol;

import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.VersionNumber;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The one pagination of Sender GET lists (transport_and_format.asciidoc, "Pagination"): reads {@code offset},
 * {@code limit}, {@code date_from} (inclusive) and {@code date_to} (exclusive), caps the limit, and answers with
 * {@code X-Total-Count}, {@code X-Limit} and, unless this is the last page, a {@code Link} to the next page that
 * repeats every filter of the request.
 */
@Component
public class Pagination {

    /**
     * What a client asked for. {@code filters} are the other query parameters, repeated in the next link, which is at
     * the list's path in the request's OCPI {@code version}.
     */
    public record PageRequest(int offset, int limit, Instant dateFrom, Instant dateTo, Map<String, String> filters, VersionNumber version) {
    }

    /** One page of objects, and how many match the request in all. */
    public record Page<T>(List<T> items, long total) {
    }

    private final OcpiProperties.Pagination limits;
    private final OcpiUrls urls;

    public Pagination(OcpiProperties properties, OcpiUrls urls) {
        this.limits = properties.pagination();
        this.urls = urls;
    }

    public PageRequest request(Exchange exchange, String... filterNames) {
        return request(name -> exchange.getIn().getHeader(name, String.class), OcpiExchange.version(exchange), filterNames);
    }

    public PageRequest request(Function<String, String> query, String... filterNames) {
        return request(query, VersionNumber.CANONICAL, filterNames);
    }

    private PageRequest request(Function<String, String> query, VersionNumber version, String... filterNames) {
        int offset = intParam(query, "offset", 0);
        int limit = Math.min(intParam(query, "limit", limits.defaultLimit()), limits.maxLimit());
        if (limit == 0) {
            throw OcpiException.invalid("limit: must be greater than 0");
        }
        Instant from = dateParam(query, "date_from");
        Instant to = dateParam(query, "date_to");
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : filterNames) {
            String value = query.apply(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value);
            }
        }
        return new PageRequest(offset, limit, from, to, filters, version);
    }

    /** The response for one page of the list served at {@code path} (our path, e.g. {@code /ocpi/cpo/2.2.1/locations}). */
    public OcpiResult result(String path, PageRequest request, Page<?> page) {
        OcpiResult result = OcpiResult.ok(page.items())
                .withHeader("X-Total-Count", Long.toString(page.total()))
                .withHeader("X-Limit", Integer.toString(limits.maxLimit()));
        int next = request.offset() + page.items().size();
        if (!page.items().isEmpty() && next < page.total()) {
            result = result.withHeader("Link", "<" + nextUrl(path, request, next) + ">; rel=\"next\"");
        }
        return result;
    }

    private String nextUrl(String path, PageRequest request, int nextOffset) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("offset", Integer.toString(nextOffset));
        query.put("limit", Integer.toString(request.limit()));
        if (request.dateFrom() != null) {
            query.put("date_from", OcpiDateTime.format(request.dateFrom()));
        }
        if (request.dateTo() != null) {
            query.put("date_to", OcpiDateTime.format(request.dateTo()));
        }
        query.putAll(request.filters());
        String served = OcpiUrls.version(path).isPresent() ? OcpiUrls.in(request.version(), path) : path;
        return urls.of(served) + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int intParam(Function<String, String> query, String name, int absent) {
        String value = query.apply(name);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw OcpiException.invalid(name + ": must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw OcpiException.invalid(name + ": '" + value + "' is not a whole number");
        }
    }

    private static Instant dateParam(Function<String, String> query, String name) {
        String value = query.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // A '+' of an offset that the client did not percent-encode arrives as a space.
            return OcpiDateTime.parse(value.trim().replace(' ', '+'));
        } catch (IllegalArgumentException e) {
            throw OcpiException.invalid(name + ": " + e.getMessage());
        }
    }
}
