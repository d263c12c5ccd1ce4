package io.ocpi.adapter.modules.tokens.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireForm;
import org.springframework.stereotype.Component;

/** The OCPI 2.1.1 Token: see {@link Tokens211}. The peer's party that sends it issued it. */
@Component
public class TokenForm211 implements WireForm {

    @Override
    public Class<?> type() {
        return Token.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_1_1;
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
