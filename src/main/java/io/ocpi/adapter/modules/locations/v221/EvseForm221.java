package io.ocpi.adapter.modules.locations.v221;

import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/** An EVSE in 2.2.1: the canonical one without what only 2.3.0 has (see {@link LocationShapes}). */
@Component
public class EvseForm221 extends DeclaredWireForm {

    public EvseForm221() {
        super(Evse.class, VersionNumber.V2_2_1, LocationShapes.EVSE_V221,
                (evse, parties) -> LocationShapes.evseFromV221(evse, ""), evse -> LocationShapes.evseToV221(evse, ""));
    }
}
