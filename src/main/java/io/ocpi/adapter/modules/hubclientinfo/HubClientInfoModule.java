package io.ocpi.adapter.modules.hubclientinfo;

import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.VersionNumber;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The hubclientinfo module: the parties behind a hub (Receiver) and those registered with us (Sender), at one path. */
@Component
public class HubClientInfoModule extends OcpiModule {

    public HubClientInfoModule() {
        super(ModuleId.HUB_CLIENT_INFO, sender(HubClientInfoRoutes.PATH), receiver(HubClientInfoRoutes.PATH));
    }

    /** OCPI 2.1.1 has no such module. */
    @Override
    public Set<VersionNumber> versions() {
        return EnumSet.of(VersionNumber.V2_2_1, VersionNumber.V2_3_0);
    }
}
