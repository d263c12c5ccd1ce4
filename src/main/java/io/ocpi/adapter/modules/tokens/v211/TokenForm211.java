package io.ocpi.adapter.modules.tokens.v211;

import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/** The OCPI 2.1.1 Token: see {@link Tokens211}. The peer's party that sends it issued it. */
@Component
public class TokenForm211 extends DeclaredWireForm {

    public TokenForm211() {
        super(Token.class, VersionNumber.V2_1_1, (token, parties) -> Tokens211.toCanonical(token, parties.from()), Tokens211::toWire);
    }
}
