package io.ocpi.adapter.modules.commands.v211;

import static io.ocpi.adapter.modules.tokens.v211.Fields211.untranslatable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.commands.ReserveNow;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireForm;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 ReserveNow: a 2.1.1 Token, no authorization_reference, and a {@code reservation_id} that is an
 * int (a CiString canonically): written as its decimal text and back, and untranslatable when it is no int.
 */
@Component
public class ReserveNowForm211 implements WireForm {

    @Override
    public Class<?> type() {
        return ReserveNow.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_1_1;
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode request = wire.deepCopy();
        Commands211.tokenToCanonical(request, parties.from());
        JsonNode id = request.get("reservation_id");
        if (id != null && id.isIntegralNumber()) {
            request.put("reservation_id", id.asText());
        }
        return request;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode request = canonical.deepCopy();
        Commands211.toWire(request);
        JsonNode id = request.get("reservation_id");
        if (id != null && id.isTextual()) {
            try {
                request.put("reservation_id", Integer.parseInt(id.asText()));
            } catch (NumberFormatException notAnInt) {
                throw untranslatable("reservation_id", "2.1.1 wants an int, not " + id.asText());
            }
        }
        return request;
    }
}
