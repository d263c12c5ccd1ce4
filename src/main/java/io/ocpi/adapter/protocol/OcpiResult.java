package io.ocpi.adapter.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an OCPI route hands to the response writer when plain data with HTTP 200 is not enough:
 * another HTTP status (201 for a created object), or extra response headers (pagination, {@code Location}).
 */
public record OcpiResult(Object data, int httpStatus, Map<String, String> headers) {

    public static OcpiResult ok(Object data) {
        return new OcpiResult(data, 200, Map.of());
    }

    public static OcpiResult created(Object data) {
        return new OcpiResult(data, 201, Map.of());
    }

    public OcpiResult withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new OcpiResult(data, httpStatus, Map.copyOf(all));
    }
}
