package io.ocpi.adapter.modules.locations.v230;

import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/**
 * A location in 2.3.0: the canonical shape, which carries 2.3.0's additions; an EVSE's {@code parking} given as parking ids,
 * as the specification's examples write it, is read as EVSEParking objects (see {@link LocationShapes}).
 */
@Component
public class LocationForm230 extends DeclaredWireForm {

    public LocationForm230() {
        super(Location.class, VersionNumber.V2_3_0, (location, parties) -> LocationShapes.locationFromV230(location),
                asCanonical -> { });
    }
}
