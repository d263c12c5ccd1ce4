package io.ocpi.adapter.protocol.client;

import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.TokenEncoding;

/** The credentials token we present to a peer, and how its Authorization header wants it encoded. */
public record PeerCredential(String token, TokenEncoding encoding) {

    public static PeerCredential of(Peer peer) {
        if (peer.outgoingToken() == null) {
            throw new IllegalStateException("peer " + peer.name() + " has given us no token to call it with");
        }
        return new PeerCredential(peer.outgoingToken(), peer.tokenEncoding());
    }

    @Override
    public String toString() {
        return "PeerCredential[token=<hidden>, encoding=" + encoding + "]";
    }
}
