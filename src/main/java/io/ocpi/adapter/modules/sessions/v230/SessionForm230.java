package io.ocpi.adapter.modules.sessions.v230;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.ocpi.PriceShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import io.ocpi.adapter.protocol.OcpiException;
import org.springframework.stereotype.Component;

/** A session in 2.3.0: its {@code total_cost} is a price before taxes with a list of taxes (see {@link PriceShapes}). */
@Component
public class SessionForm230 extends DeclaredWireForm {

    public SessionForm230() {
        super(Session.class, VersionNumber.V2_3_0, (session, parties) -> fromV230(session),
                session -> PriceShapes.toV230(session, "total_cost"));
    }

    private static void fromV230(ObjectNode session) {
        try {
            PriceShapes.fromV230(session, "total_cost", "");
        } catch (IllegalArgumentException e) {
            throw OcpiException.invalid(e.getMessage());
        }
    }
}
