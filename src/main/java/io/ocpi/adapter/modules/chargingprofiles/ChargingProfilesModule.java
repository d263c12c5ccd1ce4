package io.ocpi.adapter.modules.chargingprofiles;

import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.VersionNumber;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The chargingprofiles module: smart-charging requests to a CPO (Receiver), profiles and results to eMSPs (Sender). */
@Component
public class ChargingProfilesModule extends OcpiModule {

    public ChargingProfilesModule() {
        super(ModuleId.CHARGING_PROFILES, receiver(ChargingProfilesRoutes.RECEIVER), sender(ChargingProfilesRoutes.SENDER));
    }

    /** OCPI 2.1.1 has no such module. */
    @Override
    public Set<VersionNumber> versions() {
        return EnumSet.of(VersionNumber.V2_2_1, VersionNumber.V2_3_0);
    }
}
