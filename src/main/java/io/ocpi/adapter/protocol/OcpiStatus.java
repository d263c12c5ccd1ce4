package io.ocpi.adapter.protocol;

import io.ocpi.adapter.ocpi.VersionNumber;

/**
 * The OCPI status codes of status_codes.asciidoc, each with the HTTP error that stands for it.
 *
 * <p>The spec's rule: a request that is valid JSON and addresses an existing resource has reached the OCPI layer and
 * gets no HTTP error. So a client error (2xxx) found there is answered HTTP 200 with the code in the envelope
 * ({@link #httpStatus}); HTTP errors are kept for what never reached it (no valid JSON: 400, unknown token: 401, another
 * party's object: 403, no such object: 404, a method not allowed: 405, too large: 413), and for server errors. A peer
 * that only looks at the HTTP status can be set to get the {@link #httpError} of every client error instead
 * (Peer#httpErrorsForRefusals).
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
    private final int httpError;

    OcpiStatus(int code, int httpError) {
        this.code = code;
        this.httpError = httpError;
    }

    public int code() {
        return code;
    }

    /** The HTTP status of an answer with this code from the OCPI layer: 200 for a client error, by the spec's rule. */
    public int httpStatus() {
        return isClientError(code) ? 200 : httpError;
    }

    /** The HTTP status that stands for this code: the HTTP error of a client error. */
    public int httpError() {
        return httpError;
    }

    /**
     * The nearest code {@code version} has: OCPI 2.1.1 has no 2004 (Unknown Token) and no hub errors (4xxx), which
     * become its generic client error, or generic server error for a forwarded request that failed on its way.
     */
    public OcpiStatus in(VersionNumber version) {
        if (version != VersionNumber.V2_1_1) {
            return this;
        }
        return switch (this) {
            case UNKNOWN_TOKEN, HUB_ERROR, UNKNOWN_RECEIVER -> CLIENT_ERROR;
            case TIMEOUT_ON_FORWARDED_REQUEST, CONNECTION_PROBLEM -> SERVER_ERROR;
            default -> this;
        };
    }

    public static boolean isClientError(int code) {
        return code >= 2000 && code < 3000;
    }

    public static boolean isSuccess(int code) {
        return code >= 1000 && code < 2000;
    }
}
