package io.ocpi.adapter.modules.tokens.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.Token;
import org.springframework.stereotype.Component;

/** The OCPI 2.1.1 Token: see {@link Tokens211}. The peer's party that sends it issued it. */
@Component
public class TokenForm211 extends Form211 {

    public TokenForm211() {
        super(Token.class);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        return Tokens211.toCanonical(wire, parties.from());
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        return Tokens211.toWire(canonical);
    }
}
