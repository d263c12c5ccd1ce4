package io.ocpi.adapter.modules.locations.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.modules.tokens.v211.Form211;
import org.springframework.stereotype.Component;

/** The OCPI 2.1.1 EVSE, whole or partial: its capabilities and connectors differ, see {@link Locations211}. */
@Component
public class EvseForm211 extends Form211 {

    public EvseForm211() {
        super(Evse.class);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        return Locations211.evseToCanonical(wire);
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        return Locations211.evseToWire(canonical);
    }
}
