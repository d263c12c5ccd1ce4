package io.ocpi.adapter.modules.commands.v211;

import static io.ocpi.adapter.protocol.WireFields211.nearest;
import static io.ocpi.adapter.protocol.WireFields211.refuseValues;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.commands.CommandResult;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 result of a command, posted to its response_url: a CommandResponse whose {@code result} is a
 * CommandResponseType (NOT_SUPPORTED, REJECTED, ACCEPTED, TIMEOUT, UNKNOWN_SESSION), without a message. A charge point
 * that did not carry out the command for a reason 2.1.1 does not name has REJECTED it, the nearest; UNKNOWN_SESSION
 * is the charge point rejecting a session it does not know. A reservation the CPO cancels unasked cannot be told in
 * 2.1.1, which has no cancelling of reservations.
 */
@Component
public class CommandResultForm211 extends DeclaredWireForm {

    private static final Map<String, String> RESULT_OF_211 = Map.of("UNKNOWN_SESSION", "REJECTED");
    private static final Map<String, String> RESULT_IN_211 = Map.of("EVSE_OCCUPIED", "REJECTED", "EVSE_INOPERATIVE", "REJECTED",
            "FAILED", "REJECTED", "UNKNOWN_RESERVATION", "REJECTED");

    public CommandResultForm211() {
        super(CommandResult.class, VersionNumber.V2_1_1, (result, parties) -> nearest(result, "result", RESULT_OF_211),
                CommandResultForm211::toV211);
    }

    private static void toV211(ObjectNode result) {
        refuseValues(result, "result", Set.of("CANCELED_RESERVATION"), "result");
        nearest(result, "result", RESULT_IN_211);
        result.remove("message");
    }
}
