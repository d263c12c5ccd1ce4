package io.ocpi.adapter.protocol;

/**
 * A request that ends in an OCPI error envelope. Thrown anywhere in a route; the protocol's error handler
 * turns it into the response, so no route writes error envelopes itself.
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

    public static OcpiException invalid(String message) {
        return new OcpiException(OcpiStatus.INVALID_OR_MISSING_PARAMETERS, message);
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
