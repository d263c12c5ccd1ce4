package io.ocpi.adapter.modules.payments;

import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.VersionNumber;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The payments module of OCPI 2.3.0: a PTP's (payment terminal provider's) terminals and financial advice
 * confirmations. Their owner is the PTP, and as a CPO we serve the module's Receiver interface, where the PTP creates
 * them; the PTP's Sender interface is what we call to assign our locations to a terminal, activate or deactivate one.
 * Not Client Owned Objects in the modules' common way (their URLs carry no owner), so no {@code Kind}.
 */
@Component
public class PaymentsModule extends OcpiModule {

    public PaymentsModule() {
        super(ModuleId.PAYMENTS, receiver(PaymentsRoutes.RECEIVER));
    }

    @Override
    public Set<VersionNumber> versions() {
        return EnumSet.of(VersionNumber.V2_3_0);
    }
}
