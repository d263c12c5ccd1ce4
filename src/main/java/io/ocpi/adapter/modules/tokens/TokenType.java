package io.ocpi.adapter.modules.tokens;

/**
 * TokenType enum: what kind of token a driver charges with. Tokens are keyed by uid and type together. EMAID comes
 * from 2.3.0.
 */
public enum TokenType {
    AD_HOC_USER, APP_USER, EMAID, OTHER, RFID
}
