package io.ocpi.adapter.protocol;

/** Which credentials tokens may reach an OCPI route. */
public enum Access {
    /** Versions, version details and credentials: token A of an invitation, or a registered peer's token. */
    REGISTRATION,
    /** Every functional module: only the token of a registered peer. */
    REGISTERED
}
