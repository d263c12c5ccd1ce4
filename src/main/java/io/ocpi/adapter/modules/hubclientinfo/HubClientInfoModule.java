package io.ocpi.adapter.modules.hubclientinfo;

import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import org.springframework.stereotype.Component;

/** The hubclientinfo module: the parties behind a hub (Receiver) and those registered with us (Sender), at one path. */
@Component
public class HubClientInfoModule extends OcpiModule {

    public HubClientInfoModule() {
        super(ModuleId.HUB_CLIENT_INFO, sender(HubClientInfoRoutes.PATH), receiver(HubClientInfoRoutes.PATH));
    }
}
