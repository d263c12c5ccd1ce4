package io.ocpi.adapter.modules.locations.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.tokens.v211.Form211;
import org.springframework.stereotype.Component;

/** The OCPI 2.1.1 Location: see {@link Locations211}. The peer's party that sends it owns it. */
@Component
public class LocationForm211 extends Form211 {

    public LocationForm211() {
        super(Location.class);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        return Locations211.locationToCanonical(wire, parties.from());
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        return Locations211.locationToWire(canonical);
    }
}
