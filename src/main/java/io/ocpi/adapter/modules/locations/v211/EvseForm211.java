package io.ocpi.adapter.modules.locations.v211;

import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/** The OCPI 2.1.1 EVSE, whole or partial: its capabilities and connectors differ, see {@link Locations211}. */
@Component
public class EvseForm211 extends DeclaredWireForm {

    public EvseForm211() {
        super(Evse.class, VersionNumber.V2_1_1, (evse, parties) -> Locations211.evseToCanonical(evse), Locations211::evseToWire);
    }
}
