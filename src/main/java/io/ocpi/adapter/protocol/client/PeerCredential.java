package io.ocpi.adapter.protocol.client;

import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.TokenEncoding;
import java.net.URI;

/**
 * The credentials token we present to a peer, how its Authorization header wants it encoded, the peer's name (for
 * the deviations we tolerate from it, see {@link PeerDeviations}) and the OCPI version we speak with it (null while
 * none is chosen), which decides the headers a call carries.
 */
public record PeerCredential(String token, TokenEncoding encoding, String peer, VersionNumber version) {

    /** For a call to a peer the registry does not name yet: it goes by the URL's host. */
    public PeerCredential(String token, TokenEncoding encoding) {
        this(token, encoding, null, null);
    }

    /** For a peer before a version is chosen with it. */
    public PeerCredential(String token, TokenEncoding encoding, String peer) {
        this(token, encoding, peer, null);
    }

    /** The same, for a call in {@code version}. */
    public PeerCredential in(VersionNumber version) {
        return new PeerCredential(token, encoding, peer, version);
    }

    /** The same token in {@code encoding}. */
    public PeerCredential encoded(TokenEncoding encoding) {
        return new PeerCredential(token, encoding, peer, version);
    }

    public static PeerCredential of(Peer peer) {
        if (peer.outgoingToken() == null) {
            throw new IllegalStateException("peer " + peer.name() + " has given us no token to call it with");
        }
        return new PeerCredential(peer.outgoingToken(), peer.tokenEncoding(), peer.name(), peer.ocpiVersion());
    }

    /** The same token in the other encoding. */
    public PeerCredential otherEncoding() {
        return encoded(encoding == TokenEncoding.BASE64 ? TokenEncoding.PLAIN : TokenEncoding.BASE64);
    }

    /** The peer as the registry names it, or else by the host and port of {@code url}, where a call goes. */
    public String peerName(String url) {
        if (peer != null) {
            return peer;
        }
        try {
            URI uri = URI.create(url);
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return "PeerCredential[token=<hidden>, encoding=" + encoding + ", peer=" + peer + ", version=" + version + "]";
    }
}
