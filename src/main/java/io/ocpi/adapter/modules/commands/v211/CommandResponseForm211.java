package io.ocpi.adapter.modules.commands.v211;

import static io.ocpi.adapter.protocol.WireFields211.nearest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.modules.commands.CommandResponse;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import io.ocpi.adapter.modules.tokens.v211.Form211;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 answer to a command: a CommandResponse holding only its {@code result}. The canonical
 * {@code timeout}, how long to wait for the result, is derived as the adapter's own result timeout
 * ({@code ocpi.result-timeout}), the wait it gives any answer without one; a 2.1.1 TIMEOUT (the CPO could not reach
 * the charge point) is the nearest canonical answer, REJECTED. The message 2.2.1 added is not written in 2.1.1.
 */
@Component
public class CommandResponseForm211 extends Form211 {

    private static final Map<String, String> RESULT_OF_211 = Map.of("TIMEOUT", "REJECTED");

    private final int resultTimeout;

    @Autowired
    public CommandResponseForm211(OcpiProperties properties) {
        this((int) properties.resultTimeout().toSeconds());
    }

    CommandResponseForm211(int resultTimeout) {
        super(CommandResponse.class);
        this.resultTimeout = resultTimeout;
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode response = wire.deepCopy();
        nearest(response, "result", RESULT_OF_211);
        response.put("timeout", resultTimeout);
        return response;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode response = canonical.deepCopy();
        response.remove("timeout");
        response.remove("message");
        return response;
    }
}
