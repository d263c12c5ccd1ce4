package io.ocpi.adapter.modules.locations.v230;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireForm;
import org.springframework.stereotype.Component;

/**
 * An EVSE in 2.3.0: the canonical shape, which carries 2.3.0's additions; an EVSE's {@code parking} given as parking ids,
 * as the specification's examples write it, is read as EVSEParking objects (see {@link LocationShapes}).
 */
@Component
public class EvseForm230 implements WireForm {

    @Override
    public Class<?> type() {
        return Evse.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_3_0;
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode evse = wire.deepCopy();
        LocationShapes.evseFromV230(evse);
        return evse;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        return canonical.deepCopy();
    }
}
