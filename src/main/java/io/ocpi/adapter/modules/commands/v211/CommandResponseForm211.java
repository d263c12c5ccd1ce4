package io.ocpi.adapter.modules.commands.v211;

import static io.ocpi.adapter.protocol.WireFields211.nearest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.modules.commands.CommandResponse;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 answer to a command: a CommandResponse holding only its {@code result}. The canonical
 * {@code timeout}, how long to wait for the result, is derived as the adapter's own result timeout
 * ({@code ocpi.result-timeout}), the wait it gives any answer without one; a 2.1.1 TIMEOUT (the CPO could not reach
 * the charge point) is the nearest canonical answer, REJECTED. The message 2.2.1 added is not written in 2.1.1.
 */
@Component
public class CommandResponseForm211 extends DeclaredWireForm {

    private static final Map<String, String> RESULT_OF_211 = Map.of("TIMEOUT", "REJECTED");

    @Autowired
    public CommandResponseForm211(OcpiProperties properties) {
        this((int) properties.resultTimeout().toSeconds());
    }

    CommandResponseForm211(int resultTimeout) {
        super(CommandResponse.class, VersionNumber.V2_1_1, (response, parties) -> fromV211(response, resultTimeout),
                CommandResponseForm211::toV211);
    }

    private static void fromV211(ObjectNode response, int resultTimeout) {
        nearest(response, "result", RESULT_OF_211);
        response.put("timeout", resultTimeout);
    }

    private static void toV211(ObjectNode response) {
        response.remove("timeout");
        response.remove("message");
    }
}
