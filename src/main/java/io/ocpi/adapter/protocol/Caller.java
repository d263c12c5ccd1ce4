package io.ocpi.adapter.protocol;

import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.TokenScope;

/**
 * The authenticated peer behind an OCPI request.
 *
 * @param token      the credentials token it presented (decoded). Needed to answer GET credentials, since we only
 *                   keep hashes of the tokens we issued.
 * @param plainToken true when it sent the token without Base64: a peer of the 2.1.1/2.2 era that wants the same back.
 */
public record Caller(Peer peer, TokenScope scope, String token, boolean plainToken) {

    @Override
    public String toString() {
        return "Caller[peer=" + peer.name() + ", scope=" + scope + ", token=<hidden>, plainToken=" + plainToken + "]";
    }
}
