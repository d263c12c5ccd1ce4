package io.ocpi.adapter.modules.commands.v211;

import static io.ocpi.adapter.protocol.WireFields211.untranslatable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.commands.ReserveNow;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 ReserveNow: a 2.1.1 Token, no authorization_reference, and a {@code reservation_id} that is an
 * int (a CiString canonically): written as its decimal text and back, and untranslatable when it is no int written
 * as an int is (no leading zeros), which would come back as another id.
 */
@Component
public class ReserveNowForm211 extends DeclaredWireForm {

    public ReserveNowForm211() {
        super(ReserveNow.class, VersionNumber.V2_1_1, ReserveNowForm211::fromV211, ReserveNowForm211::toV211);
    }

    private static void fromV211(ObjectNode request, Parties parties) {
        Commands211.tokenToCanonical(request, parties.from());
        JsonNode id = request.get("reservation_id");
        if (id != null && id.isIntegralNumber()) {
            request.put("reservation_id", id.asText());
        }
    }

    private static void toV211(ObjectNode request) {
        Commands211.toWire(request);
        JsonNode id = request.get("reservation_id");
        if (id != null && id.isTextual()) {
            request.put("reservation_id", asInt(id.asText()));
        }
    }

    /** The int a reservation id writes, when it is one as an int is written (no sign +, no leading zeros). */
    private static int asInt(String id) {
        try {
            int value = Integer.parseInt(id);
            if (String.valueOf(value).equals(id)) {
                return value;
            }
        } catch (NumberFormatException notAnInt) {
            // refused below
        }
        throw untranslatable("reservation_id", "2.1.1 wants an int, not " + id);
    }
}
