package io.ocpi.adapter.modules.commands.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.commands.StartSession;
import io.ocpi.adapter.modules.tokens.v211.Form211;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 StartSession: a 2.1.1 Token, and no connector_id nor authorization_reference. Without the
 * connector_id the charge point uses whichever connector of the EVSE is plugged in, as 2.1.1 always does; only one
 * connector of an EVSE charges at a time.
 */
@Component
public class StartSessionForm211 extends Form211 {

    public StartSessionForm211() {
        super(StartSession.class);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode request = wire.deepCopy();
        Commands211.tokenToCanonical(request, parties.from());
        return request;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode request = canonical.deepCopy();
        Commands211.toWire(request);
        request.remove("connector_id");
        return request;
    }
}
