package io.ocpi.adapter.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an OCPI route hands to the response writer when plain data with HTTP 200 is not enough:
 * another HTTP status (201 for a created object), extra response headers (pagination, {@code Location}), or an
 * error status that still carries data (a command refused with 2003 and its CommandResponse).
 */
public record OcpiResult(Object data, OcpiStatus status, String message, int httpStatus, Map<String, String> headers) {

    public static OcpiResult ok(Object data) {
        return new OcpiResult(data, OcpiStatus.SUCCESS, null, 200, Map.of());
    }

    public static OcpiResult created(Object data) {
        return new OcpiResult(data, OcpiStatus.SUCCESS, null, 201, Map.of());
    }

    public static OcpiResult refused(OcpiStatus status, String message, Object data) {
        return new OcpiResult(data, status, message, status.httpStatus(), Map.of());
    }

    public OcpiResult withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new OcpiResult(data, status, message, httpStatus, Map.copyOf(all));
    }
}
