package io.ocpi.adapter.modules.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The token types 2.2.1 knows: the known ones but {@link TokenType#EMAID}, which 2.3.0 added. */
public final class TokenTypes {

    private static final List<TokenType> V2_2_1 = Arrays.stream(TokenType.values()).filter(type -> type != TokenType.EMAID).toList();

    /** The names of the token types 2.2.1 knows. */
    public static final Set<String> IN_V221 = V2_2_1.stream().map(TokenType::name).collect(Collectors.toUnmodifiableSet());

    private TokenTypes() {
    }

    /** A 2.2.1 body's token type at {@code field}: refused as an unknown value when only 2.3.0 has it. */
    public static void checkV221(JsonNode value, String field) {
        if (value != null && value.isTextual() && TokenType.EMAID.name().equals(value.asText())) {
            throw OcpiException.invalid(field + ": unknown value '" + value.asText() + "', expected one of " + V2_2_1);
        }
    }

    /** A canonical token type at {@code field} for a 2.2.1 peer: a type 2.2.1 does not know cannot be written. */
    public static void writeV221(JsonNode value, String field) {
        if (value != null && value.isTextual() && !IN_V221.contains(value.asText())) {
            throw new WireForm.UntranslatableException(field + ": " + value.asText() + " is no token type of 2.2.1");
        }
    }
}
