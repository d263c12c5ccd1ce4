package io.ocpi.adapter.modules.cdrs.v230;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.tariffs.TariffShapes;
import io.ocpi.adapter.ocpi.PriceShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import io.ocpi.adapter.protocol.OcpiException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A CDR in 2.3.0: its costs are prices before taxes with a list of taxes (see {@link PriceShapes}), and the tariffs it
 * carries are 2.3.0 tariffs (see {@link TariffShapes}).
 */
@Component
public class CdrForm230 extends DeclaredWireForm {

    /** The fields of a CDR that hold a Price. */
    public static final List<String> PRICES = List.of("total_cost", "total_fixed_cost", "total_energy_cost", "total_time_cost",
            "total_parking_cost", "total_reservation_cost");

    public CdrForm230() {
        super(Cdr.class, VersionNumber.V2_3_0, (cdr, parties) -> fromV230(cdr), CdrForm230::toV230);
    }

    private static void fromV230(ObjectNode cdr) {
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
    }

    private static void toV230(ObjectNode cdr) {
        for (String field : PRICES) {
            PriceShapes.toV230(cdr, field);
        }
        for (JsonNode tariff : cdr.path("tariffs")) {
            if (tariff instanceof ObjectNode object) {
                TariffShapes.toV230(object);
            }
        }
    }
}
