package io.ocpi.adapter.modules.locations.v221;

import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/** A location in 2.2.1: the canonical one without what only 2.3.0 has (see {@link LocationShapes}). */
@Component
public class LocationForm221 extends DeclaredWireForm {

    public LocationForm221() {
        super(Location.class, VersionNumber.V2_2_1, LocationShapes.LOCATION_V221,
                (location, parties) -> LocationShapes.locationFromV221(location), LocationShapes::locationToV221);
    }
}
