package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The response envelope every OCPI call answers with. {@code data} and {@code status_message} are left out of
 * the JSON when null, as the spec advises where it defines no data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OcpiResponse<T>(T data, Integer statusCode, String statusMessage, Instant timestamp) {

    public static <T> OcpiResponse<T> success(T data) {
        return new OcpiResponse<>(data, OcpiStatus.SUCCESS.code(), null, Instant.now());
    }

    public static OcpiResponse<Void> error(OcpiStatus status, String message) {
        return new OcpiResponse<>(null, status.code(), message, Instant.now());
    }

    @JsonIgnore
    public boolean isSuccess() {
        return statusCode != null && OcpiStatus.isSuccess(statusCode);
    }
}
