package io.ocpi.adapter.modules.locations.v221;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireDifferences;
import io.ocpi.adapter.protocol.WireForm;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An EVSE in 2.2.1: the canonical one without what only 2.3.0 has (see {@link LocationShapes}). */
@Component
public class EvseForm221 implements WireForm {

    @Override
    public Class<?> type() {
        return Evse.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_2_1;
    }

    @Override
    public Optional<WireDifferences> differences() {
        return Optional.of(LocationShapes.EVSE_V221);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode evse = wire.deepCopy();
        LocationShapes.evseFromV221(evse, "");
        return evse;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode evse = canonical.deepCopy();
        LocationShapes.evseToV221(evse, "");
        return evse;
    }
}
