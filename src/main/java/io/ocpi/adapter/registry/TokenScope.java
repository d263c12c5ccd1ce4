package io.ocpi.adapter.registry;

/** What a token we issued lets its holder reach. */
public enum TokenScope {
    /** Token A: versions, version details and credentials only, until the peer has registered. */
    REGISTRATION,
    /** Token B or C: every module. */
    FULL
}
