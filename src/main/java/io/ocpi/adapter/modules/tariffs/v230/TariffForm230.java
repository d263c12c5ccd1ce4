package io.ocpi.adapter.modules.tariffs.v230;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tariffs.TariffShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import org.springframework.stereotype.Component;

/** A tariff in 2.3.0: PriceLimits for its minimum and maximum price, and {@code tax_included} (see {@link TariffShapes}). */
@Component
public class TariffForm230 implements WireForm {

    @Override
    public Class<?> type() {
        return Tariff.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_3_0;
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode tariff = wire.deepCopy();
        try {
            TariffShapes.fromV230(tariff, "");
        } catch (IllegalArgumentException e) {
            throw OcpiException.invalid(e.getMessage());
        }
        return tariff;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode tariff = canonical.deepCopy();
        TariffShapes.toV230(tariff);
        return tariff;
    }
}
