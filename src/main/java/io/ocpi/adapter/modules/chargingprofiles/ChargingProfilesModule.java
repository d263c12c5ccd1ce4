package io.ocpi.adapter.modules.chargingprofiles;

import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import org.springframework.stereotype.Component;

/** The chargingprofiles module: smart-charging requests to a CPO (Receiver), profiles and results to eMSPs (Sender). */
@Component
public class ChargingProfilesModule extends OcpiModule {

    public ChargingProfilesModule() {
        super(ModuleId.CHARGING_PROFILES, receiver(ChargingProfilesRoutes.RECEIVER), sender(ChargingProfilesRoutes.SENDER));
    }
}
