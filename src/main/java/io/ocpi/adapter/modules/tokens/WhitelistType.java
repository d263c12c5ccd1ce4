package io.ocpi.adapter.modules.tokens;

/**
 * WhitelistType enum: when a CPO may authorize a token from its own copy instead of asking the eMSP in real time.
 * It applies whatever the token's {@code valid} says: a token that needs real-time authorization is asked about even
 * when the copy says it is invalid, since that may have changed.
 */
public enum WhitelistType {
    ALWAYS, ALLOWED, ALLOWED_OFFLINE, NEVER
}
