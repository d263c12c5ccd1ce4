package io.ocpi.adapter.modules.locations.v221;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireDifferences;
import io.ocpi.adapter.protocol.WireForm;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A location in 2.2.1: the canonical one without what only 2.3.0 has (see {@link LocationShapes}). */
@Component
public class LocationForm221 implements WireForm {

    @Override
    public Class<?> type() {
        return Location.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_2_1;
    }

    @Override
    public Optional<WireDifferences> differences() {
        return Optional.of(LocationShapes.LOCATION_V221);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode location = wire.deepCopy();
        LocationShapes.locationFromV221(location);
        return location;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode location = canonical.deepCopy();
        LocationShapes.locationToV221(location);
        return location;
    }
}
