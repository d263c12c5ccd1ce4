package io.ocpi.adapter.modules.tokens;

import io.ocpi.adapter.ocpi.OpenEnum;

/**
 * TokenType OpenEnum: what kind of token a driver charges with. Tokens are keyed by uid and type together. EMAID comes
 * from 2.3.0.
 */
public final class TokenType extends OpenEnum {

    private static final Values<TokenType> VALUES = new Values<>(TokenType.class, TokenType::new);

    public static final TokenType AD_HOC_USER = VALUES.known("AD_HOC_USER");
    public static final TokenType APP_USER = VALUES.known("APP_USER");
    public static final TokenType EMAID = VALUES.known("EMAID");
    public static final TokenType OTHER = VALUES.known("OTHER");
    public static final TokenType RFID = VALUES.known("RFID");

    private TokenType(String name) {
        super(name);
    }

    /** The value of the name, known or not. */
    public static TokenType of(String name) {
        return VALUES.of(name);
    }

    /**
     * The known value of the name.
     *
     * @throws IllegalArgumentException when the specification names no such value
     */
    public static TokenType valueOf(String name) {
        return VALUES.valueOf(name);
    }

    /** The known values. */
    public static TokenType[] values() {
        return VALUES.all().toArray(TokenType[]::new);
    }
}
