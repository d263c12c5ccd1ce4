package io.ocpi.adapter.protocol.client;

/**
 * A call to a peer that did not succeed: no connection or answer ({@code httpStatus} 0), an HTTP error, an answer
 * that is no OCPI envelope, or an envelope with a status code outside 1xxx.
 */
public class PeerCallException extends RuntimeException {

    private final String url;
    private final int httpStatus;
    private final Integer ocpiStatus;

    public PeerCallException(String url, int httpStatus, Integer ocpiStatus, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.httpStatus = httpStatus;
        this.ocpiStatus = ocpiStatus;
    }

    public String url() {
        return url;
    }

    /** 0 when the peer could not be reached or did not answer in time. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The OCPI status code of the peer's envelope, when there was one. */
    public Integer ocpiStatus() {
        return ocpiStatus;
    }
}
