package io.ocpi.adapter.modules.tokens.v221;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.modules.tokens.TokenTypes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireDifferences;
import io.ocpi.adapter.protocol.WireForm;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A token in 2.2.1: the canonical token, whose type 2.2.1 must know (it has no EMAID; see {@link TokenTypes}). */
@Component
public class TokenForm221 implements WireForm {

    private static final WireDifferences DIFFERENCES = WireDifferences.of().within("type", TokenTypes.IN_V221);

    @Override
    public Class<?> type() {
        return Token.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_2_1;
    }

    @Override
    public Optional<WireDifferences> differences() {
        return Optional.of(DIFFERENCES);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        TokenTypes.checkV221(wire.get("type"), "type");
        return wire.deepCopy();
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        TokenTypes.writeV221(canonical.get("type"), "type");
        return canonical.deepCopy();
    }
}
