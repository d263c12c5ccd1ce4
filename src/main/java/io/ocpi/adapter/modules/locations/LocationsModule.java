package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.objects.Kind;
import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Role;
import org.springframework.stereotype.Component;

/** The locations module: a CPO's locations, whose EVSEs and connectors a path below the location addresses. */
@Component
public class LocationsModule extends OcpiModule {

    public static final Kind<Location> KIND = Kind.of(ModuleId.LOCATIONS, Location.class, Role.CPO)
            .withParts(LocationTree::part, Evse.class, Connector.class);

    public LocationsModule() {
        super(KIND, sender(LocationsRoutes.SENDER), receiver(LocationsRoutes.RECEIVER));
    }
}
