package io.ocpi.adapter.modules.cdrs.v221;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.cdrs.v230.CdrForm230;
import io.ocpi.adapter.modules.locations.ConnectorTypes;
import io.ocpi.adapter.modules.tariffs.TariffShapes;
import io.ocpi.adapter.modules.tokens.TokenTypes;
import io.ocpi.adapter.ocpi.PriceShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import io.ocpi.adapter.protocol.WireDifferences;
import org.springframework.stereotype.Component;

/**
 * A CDR in 2.2.1: the canonical CDR without the taxes of its costs and what only 2.3.0 has of its tariffs; a token
 * type or connector standard only 2.3.0 has is refused from a 2.2.1 peer and cannot be written to one.
 */
@Component
public class CdrForm221 extends DeclaredWireForm {

    public CdrForm221() {
        super(Cdr.class, VersionNumber.V2_2_1, wireDifferences(), (cdr, parties) -> fromV221(cdr), CdrForm221::toV221);
    }

    private static void fromV221(ObjectNode cdr) {
        TokenTypes.checkV221(cdr.path("cdr_token").get("type"), "cdr_token.type");
        ConnectorTypes.checkV221(cdr.path("cdr_location").get("connector_standard"), "cdr_location.connector_standard");
        for (String field : CdrForm230.PRICES) {
            if (cdr.get(field) instanceof ObjectNode price) {
                price.remove("taxes");
            }
        }
        for (JsonNode tariff : cdr.path("tariffs")) {
            if (tariff instanceof ObjectNode object) {
                TariffShapes.fromV221(object);
            }
        }
    }

    private static void toV221(ObjectNode cdr) {
        TokenTypes.writeV221(cdr.path("cdr_token").get("type"), "cdr_token.type");
        ConnectorTypes.writeV221(cdr.path("cdr_location").get("connector_standard"), "cdr_location.connector_standard");
        for (String field : CdrForm230.PRICES) {
            PriceShapes.toV221(cdr, field);
        }
        for (JsonNode tariff : cdr.path("tariffs")) {
            if (tariff instanceof ObjectNode object) {
                TariffShapes.toV221(object);
            }
        }
    }

    private static WireDifferences wireDifferences() {
        WireDifferences differences = WireDifferences.of()
                .inside("cdr_token", WireDifferences.of().within("type", TokenTypes.IN_V221))
                .inside("cdr_location", WireDifferences.of().within("connector_standard", ConnectorTypes.IN_V221))
                .inside("tariffs", TariffShapes.V221);
        CdrForm230.PRICES.forEach(price -> differences.inside(price, WireDifferences.of().leaves("taxes")));
        return differences;
    }
}
