package io.ocpi.adapter.modules.locations.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 Location: see {@link Locations211}. The peer's party that sends it owns it; a whole one without
 * {@code time_zone} gets its country's from {@code ocpi.time-zones}.
 */
@Component
public class LocationForm211 extends DeclaredWireForm {

    @Autowired
    public LocationForm211(OcpiProperties properties) {
        this(properties.timeZones());
    }

    /** @param timeZones per country, ISO 3166-1 alpha-3 in upper case, its IANA time zone */
    public LocationForm211(Map<String, ZoneId> timeZones) {
        super(Location.class, VersionNumber.V2_1_1, fromV211(Map.copyOf(timeZones)), Locations211::locationToWire);
    }

    private static BiConsumer<ObjectNode, Parties> fromV211(Map<String, ZoneId> timeZones) {
        return (location, parties) -> Locations211.locationToCanonical(location, parties.from(), timeZones);
    }
}
