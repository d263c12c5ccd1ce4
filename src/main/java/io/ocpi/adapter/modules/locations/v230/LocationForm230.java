package io.ocpi.adapter.modules.locations.v230;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireForm;
import org.springframework.stereotype.Component;

/**
 * A location in 2.3.0: the canonical shape, which carries 2.3.0's additions; an EVSE's {@code parking} given as parking ids,
 * as the specification's examples write it, is read as EVSEParking objects (see {@link LocationShapes}).
 */
@Component
public class LocationForm230 implements WireForm {

    @Override
    public Class<?> type() {
        return Location.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_3_0;
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode location = wire.deepCopy();
        LocationShapes.locationFromV230(location);
        return location;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        return canonical.deepCopy();
    }
}
