package io.ocpi.adapter.modules.tariffs.v221;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tariffs.TariffShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireDifferences;
import io.ocpi.adapter.protocol.WireForm;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A tariff in 2.2.1: the canonical tariff without what only 2.3.0 has (see {@link TariffShapes}). */
@Component
public class TariffForm221 implements WireForm {

    @Override
    public Class<?> type() {
        return Tariff.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_2_1;
    }

    @Override
    public Optional<WireDifferences> differences() {
        return Optional.of(TariffShapes.V221);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode tariff = wire.deepCopy();
        TariffShapes.fromV221(tariff);
        return tariff;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode tariff = canonical.deepCopy();
        TariffShapes.toV221(tariff);
        return tariff;
    }
}
