package io.ocpi.adapter.modules.locations.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.tokens.v211.Form211;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 Location: see {@link Locations211}. The peer's party that sends it owns it; a whole one without
 * {@code time_zone} gets its country's from {@code ocpi.time-zones}.
 */
@Component
public class LocationForm211 extends Form211 {

    private final Map<String, ZoneId> timeZones;

    @Autowired
    public LocationForm211(OcpiProperties properties) {
        this(properties.timeZones());
    }

    /** @param timeZones per country, ISO 3166-1 alpha-3 in upper case, its IANA time zone */
    public LocationForm211(Map<String, ZoneId> timeZones) {
        super(Location.class);
        this.timeZones = Map.copyOf(timeZones);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        return Locations211.locationToCanonical(wire, parties.from(), timeZones);
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        return Locations211.locationToWire(canonical);
    }
}
