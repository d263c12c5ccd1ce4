package io.ocpi.adapter.modules.credentials;

/** A handshake step we started that the peer refused or answered unusably. */
public class PeerRefusedException extends RuntimeException {

    public PeerRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
