package io.ocpi.adapter.modules.credentials;

import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import org.springframework.stereotype.Component;

/** The credentials module: registration. The interface role has no meaning for it; the spec advises SENDER. */
@Component
public class CredentialsModule extends OcpiModule {

    public CredentialsModule() {
        super(ModuleId.CREDENTIALS, sender(CredentialsRoutes.PATH));
    }
}
