package io.ocpi.adapter.modules.tokens.v221;

import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.modules.tokens.TokenTypes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import io.ocpi.adapter.protocol.WireDifferences;
import org.springframework.stereotype.Component;

/** A token in 2.2.1: the canonical token, whose type 2.2.1 must know (it has no EMAID; see {@link TokenTypes}). */
@Component
public class TokenForm221 extends DeclaredWireForm {

    public TokenForm221() {
        super(Token.class, VersionNumber.V2_2_1, WireDifferences.of().within("type", TokenTypes.IN_V221),
                (token, parties) -> TokenTypes.checkV221(token.get("type"), "type"),
                token -> TokenTypes.writeV221(token.get("type"), "type"));
    }
}
