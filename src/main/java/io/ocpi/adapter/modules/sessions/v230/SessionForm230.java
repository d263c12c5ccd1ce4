package io.ocpi.adapter.modules.sessions.v230;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.ocpi.PriceShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import org.springframework.stereotype.Component;

/** A session in 2.3.0: its {@code total_cost} is a price before taxes with a list of taxes (see {@link PriceShapes}). */
@Component
public class SessionForm230 implements WireForm {

    @Override
    public Class<?> type() {
        return Session.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_3_0;
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode session = wire.deepCopy();
        try {
            PriceShapes.fromV230(session, "total_cost", "");
        } catch (IllegalArgumentException e) {
            throw OcpiException.invalid(e.getMessage());
        }
        return session;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode session = canonical.deepCopy();
        PriceShapes.toV230(session, "total_cost");
        return session;
    }
}
