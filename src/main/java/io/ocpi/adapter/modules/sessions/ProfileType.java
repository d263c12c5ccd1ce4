package io.ocpi.adapter.modules.sessions;

/** ProfileType enum: the kind of smart charging a driver prefers. */
public enum ProfileType {
    CHEAP, FAST, GREEN, REGULAR
}
