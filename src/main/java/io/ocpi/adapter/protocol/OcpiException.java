package io.ocpi.adapter.protocol;

/**
 * A request that ends in an OCPI error envelope. Thrown anywhere in a route; the protocol's error handler
 * turns it into the response, so no route writes error envelopes itself. Without an HTTP status of its own it is a
 * refusal at the OCPI layer, answered with the status' {@link OcpiStatus#httpStatus}.
 */
public class OcpiException extends RuntimeException {

    private final OcpiStatus status;
    private final int httpStatus;

    public OcpiException(OcpiStatus status, String message) {
        this(status, status.httpStatus(), message);
    }

    public OcpiException(OcpiStatus status, int httpStatus, String message) {
        super(message);
        this.status = status;
        this.httpStatus = httpStatus;
    }

    public OcpiStatus status() {
        return status;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** A request refused at the OCPI layer: invalid or missing parameters (HTTP 200, or 400 for peers set to HTTP errors). */
    public static OcpiException invalid(String message) {
        return new OcpiException(OcpiStatus.INVALID_OR_MISSING_PARAMETERS, message);
    }

    /** A body that is no valid JSON never reaches the OCPI layer: HTTP 400 for every peer. */
    public static OcpiException notJson(String message) {
        return new OcpiException(OcpiStatus.INVALID_OR_MISSING_PARAMETERS, 400, message);
    }

    public static OcpiException unauthorized(String message) {
        return new OcpiException(OcpiStatus.CLIENT_ERROR, 401, message);
    }

    public static OcpiException notFound(String message) {
        return new OcpiException(OcpiStatus.CLIENT_ERROR, 404, message);
    }

    public static OcpiException methodNotAllowed(String message) {
        return new OcpiException(OcpiStatus.CLIENT_ERROR, 405, message);
    }
}
