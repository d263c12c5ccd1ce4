package io.ocpi.adapter.modules.tariffs.v211;

import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/** The OCPI 2.1.1 Tariff: see {@link Tariffs211}. The peer's party that sends it owns it. */
@Component
public class TariffForm211 extends DeclaredWireForm {

    public TariffForm211() {
        super(Tariff.class, VersionNumber.V2_1_1, (tariff, parties) -> Tariffs211.toCanonical(tariff, parties.from()),
                tariff -> Tariffs211.toWire(tariff, ""));
    }
}
