package io.ocpi.adapter.modules.tariffs.v221;

import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tariffs.TariffShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/** A tariff in 2.2.1: the canonical tariff without what only 2.3.0 has (see {@link TariffShapes}). */
@Component
public class TariffForm221 extends DeclaredWireForm {

    public TariffForm221() {
        super(Tariff.class, VersionNumber.V2_2_1, TariffShapes.V221, (tariff, parties) -> TariffShapes.fromV221(tariff),
                TariffShapes::toV221);
    }
}
