package io.ocpi.adapter.protocol;

/**
 * The OCPI status codes of status_codes.asciidoc, each with the HTTP status this adapter answers it with.
 *
 * <p>The spec asks for HTTP 2xx once a request "reached the OCPI layer". We answer client errors with HTTP 4xx
 * all the same: a peer that only looks at the HTTP status then still learns that its request failed, and the
 * envelope carries the exact OCPI code for those that read it. The handshake outcomes 3001-3003 keep HTTP 200,
 * as the registration flow of the spec expects.
 */
public enum OcpiStatus {
    SUCCESS(1000, 200),

    CLIENT_ERROR(2000, 400),
    INVALID_OR_MISSING_PARAMETERS(2001, 400),
    NOT_ENOUGH_INFORMATION(2002, 400),
    UNKNOWN_LOCATION(2003, 404),
    UNKNOWN_TOKEN(2004, 404),

    SERVER_ERROR(3000, 500),
    UNABLE_TO_USE_CLIENT_API(3001, 200),
    UNSUPPORTED_VERSION(3002, 200),
    NO_MATCHING_ENDPOINTS(3003, 200),

    HUB_ERROR(4000, 200),
    UNKNOWN_RECEIVER(4001, 200),
    TIMEOUT_ON_FORWARDED_REQUEST(4002, 200),
    CONNECTION_PROBLEM(4003, 200);

    private final int code;
    private final int httpStatus;

    OcpiStatus(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static boolean isSuccess(int code) {
        return code >= 1000 && code < 2000;
    }
}
