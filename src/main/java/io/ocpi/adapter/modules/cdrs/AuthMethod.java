package io.ocpi.adapter.modules.cdrs;

/** AuthMethod enum: how the token of a session was authorized. */
public enum AuthMethod {
    AUTH_REQUEST, COMMAND, WHITELIST
}
