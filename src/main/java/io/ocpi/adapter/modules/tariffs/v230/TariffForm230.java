package io.ocpi.adapter.modules.tariffs.v230;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tariffs.TariffShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import io.ocpi.adapter.protocol.OcpiException;
import org.springframework.stereotype.Component;

/** A tariff in 2.3.0: PriceLimits for its minimum and maximum price, and {@code tax_included} (see {@link TariffShapes}). */
@Component
public class TariffForm230 extends DeclaredWireForm {

    public TariffForm230() {
        super(Tariff.class, VersionNumber.V2_3_0, (tariff, parties) -> fromV230(tariff), TariffShapes::toV230);
    }

    private static void fromV230(ObjectNode tariff) {
        try {
            TariffShapes.fromV230(tariff, "");
        } catch (IllegalArgumentException e) {
            throw OcpiException.invalid(e.getMessage());
        }
    }
}
