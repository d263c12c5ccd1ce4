package io.ocpi.adapter.modules.cdrs.v230;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.tariffs.TariffShapes;
import io.ocpi.adapter.ocpi.PriceShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A CDR in 2.3.0: its costs are prices before taxes with a list of taxes (see {@link PriceShapes}), and the tariffs it
 * carries are 2.3.0 tariffs (see {@link TariffShapes}).
 */
@Component
public class CdrForm230 implements WireForm {

    /** The fields of a CDR that hold a Price. */
    public static final List<String> PRICES = List.of("total_cost", "total_fixed_cost", "total_energy_cost", "total_time_cost",
            "total_parking_cost", "total_reservation_cost");

    @Override
    public Class<?> type() {
        return Cdr.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_3_0;
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode cdr = wire.deepCopy();
        try {
            for (String field : PRICES) {
                PriceShapes.fromV230(cdr, field, "");
            }
            JsonNode tariffs = cdr.path("tariffs");
            for (int i = 0; i < tariffs.size(); i++) {
                if (tariffs.get(i) instanceof ObjectNode tariff) {
                    TariffShapes.fromV230(tariff, "tariffs[" + i + "].");
                }
            }
        } catch (IllegalArgumentException e) {
            throw OcpiException.invalid(e.getMessage());
        }
        return cdr;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode cdr = canonical.deepCopy();
        for (String field : PRICES) {
            PriceShapes.toV230(cdr, field);
        }
        for (JsonNode tariff : cdr.path("tariffs")) {
            if (tariff instanceof ObjectNode object) {
                TariffShapes.toV230(object);
            }
        }
        return cdr;
    }
}
