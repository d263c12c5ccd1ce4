package io.ocpi.adapter.modules.locations.v230;

import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/**
 * An EVSE in 2.3.0: the canonical shape, which carries 2.3.0's additions; an EVSE's {@code parking} given as parking ids,
 * as the specification's examples write it, is read as EVSEParking objects (see {@link LocationShapes}).
 */
@Component
public class EvseForm230 extends DeclaredWireForm {

    public EvseForm230() {
        super(Evse.class, VersionNumber.V2_3_0, (evse, parties) -> LocationShapes.evseFromV230(evse), asCanonical -> { });
    }
}
