package io.ocpi.adapter.modules.tariffs;

import io.ocpi.adapter.objects.Kind;
import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Role;
import org.springframework.stereotype.Component;

/** The tariffs module: a CPO's tariffs. */
@Component
public class TariffsModule extends OcpiModule {

    public static final Kind<Tariff> KIND = Kind.of(ModuleId.TARIFFS, Tariff.class, Role.CPO);

    public TariffsModule() {
        super(KIND, sender(TariffsRoutes.SENDER), receiver(TariffsRoutes.RECEIVER));
    }
}
