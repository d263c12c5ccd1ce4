package io.ocpi.adapter.modules.commands.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.commands.StartSession;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireForm;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 StartSession: a 2.1.1 Token, and no connector_id nor authorization_reference. Without the
 * connector_id the charge point uses whichever connector of the EVSE is plugged in, as 2.1.1 always does; only one
 * connector of an EVSE charges at a time.
 */
@Component
public class StartSessionForm211 implements WireForm {

    @Override
    public Class<?> type() {
        return StartSession.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_1_1;
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
