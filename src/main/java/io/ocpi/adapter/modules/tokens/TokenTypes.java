package io.ocpi.adapter.modules.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The token types each version knows: 2.2.1 has no {@link TokenType#EMAID}. */
public final class TokenTypes {

    private static final Set<TokenType> V2_2_1 = EnumSet.complementOf(EnumSet.of(TokenType.EMAID));

    private TokenTypes() {
    }

    /** Whether {@code version} has the type written in {@code value}; true for what is no token type at all (validation names it). */
    public static boolean known(JsonNode value, VersionNumber version) {
        if (version != VersionNumber.V2_2_1 || value == null || !value.isTextual()) {
            return true;
        }
        return Arrays.stream(TokenType.values()).noneMatch(type -> type.name().equals(value.asText()))
                || V2_2_1.contains(TokenType.valueOf(value.asText()));
    }

    /** A 2.2.1 body's token type at {@code field}: refused as an unknown value when only 2.3.0 has it. */
    public static void checkV221(JsonNode value, String field) {
        if (!known(value, VersionNumber.V2_2_1)) {
            throw OcpiException.invalid(field + ": unknown value '" + value.asText() + "', expected one of " + List.copyOf(V2_2_1));
        }
    }

    /** A canonical token type at {@code field} for a 2.2.1 peer: a type only 2.3.0 has cannot be written. */
    public static void writeV221(JsonNode value, String field) {
        if (!known(value, VersionNumber.V2_2_1)) {
            throw new WireForm.UntranslatableException(field + ": " + value.asText() + " is no token type of 2.2.1");
        }
    }
}
