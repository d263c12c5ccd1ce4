package io.ocpi.adapter.modules.commands.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.commands.StartSession;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 StartSession: a 2.1.1 Token, and no connector_id nor authorization_reference. Without the
 * connector_id the charge point uses whichever connector of the EVSE is plugged in, as 2.1.1 always does; only one
 * connector of an EVSE charges at a time.
 */
@Component
public class StartSessionForm211 extends DeclaredWireForm {

    public StartSessionForm211() {
        super(StartSession.class, VersionNumber.V2_1_1, (request, parties) -> Commands211.tokenToCanonical(request, parties.from()),
                StartSessionForm211::toV211);
    }

    private static void toV211(ObjectNode request) {
        Commands211.toWire(request);
        request.remove("connector_id");
    }
}
