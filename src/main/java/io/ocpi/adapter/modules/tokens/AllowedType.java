package io.ocpi.adapter.modules.tokens;

/** AllowedType enum: whether a token may charge, and if not, why. */
public enum AllowedType {
    ALLOWED, BLOCKED, EXPIRED, NO_CREDIT, NOT_ALLOWED
}
