package io.ocpi.adapter.registry;

/** Where a peer stands in the credentials handshake. */
public enum PeerStatus {
    /** We issued a token A and wait for the peer to register with it. */
    INVITED,
    /** We are registering with the peer (we called its credentials endpoint and wait for its answer). */
    REGISTERING,
    /** Tokens exchanged: traffic flows both ways. */
    REGISTERED,
    /** Either side unregistered: no traffic, no valid tokens. */
    UNREGISTERED
}
