package io.ocpi.adapter.modules.sessions.v221;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.modules.tokens.TokenTypes;
import io.ocpi.adapter.ocpi.PriceShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import io.ocpi.adapter.protocol.WireDifferences;
import org.springframework.stereotype.Component;

/**
 * A session in 2.2.1: the canonical session without the taxes of its {@code total_cost}; a token type only 2.3.0 has
 * is refused from a 2.2.1 peer and cannot be written to one.
 */
@Component
public class SessionForm221 extends DeclaredWireForm {

    private static final WireDifferences DIFFERENCES = WireDifferences.of()
            .inside("cdr_token", WireDifferences.of().within("type", TokenTypes.IN_V221))
            .inside("total_cost", WireDifferences.of().leaves("taxes"));

    public SessionForm221() {
        super(Session.class, VersionNumber.V2_2_1, DIFFERENCES, (session, parties) -> fromV221(session), SessionForm221::toV221);
    }

    private static void fromV221(ObjectNode session) {
        TokenTypes.checkV221(session.path("cdr_token").get("type"), "cdr_token.type");
        if (session.get("total_cost") instanceof ObjectNode price) {
            price.remove("taxes");
        }
    }

    private static void toV221(ObjectNode session) {
        TokenTypes.writeV221(session.path("cdr_token").get("type"), "cdr_token.type");
        PriceShapes.toV221(session, "total_cost");
    }
}
