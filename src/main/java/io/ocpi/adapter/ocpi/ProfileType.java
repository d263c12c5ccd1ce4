package io.ocpi.adapter.ocpi;

/** ProfileType enum: the smart charging a driver prefers, in charging preferences and as a token's default. */
public enum ProfileType {
    CHEAP, FAST, GREEN, REGULAR
}
