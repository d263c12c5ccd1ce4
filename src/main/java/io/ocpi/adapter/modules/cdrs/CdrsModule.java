package io.ocpi.adapter.modules.cdrs;

import io.ocpi.adapter.objects.Kind;
import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import org.springframework.stereotype.Component;

/**
 * The CDRs module: a CPO's charge detail records, each concerning the eMSP whose token charged. CDRs never change, so
 * they are POSTed to the eMSP's Receiver.
 */
@Component
public class CdrsModule extends OcpiModule {

    public static final Kind<Cdr> KIND = Kind.of(ModuleId.CDRS, Cdr.class, Role.CPO)
            .concerning(cdr -> new Party(cdr.cdrToken().countryCode(), cdr.cdrToken().partyId()))
            .pushedBy(Kind.Push.POST);

    public CdrsModule() {
        super(KIND, sender(CdrsRoutes.SENDER), receiver(CdrsRoutes.RECEIVER));
    }
}
