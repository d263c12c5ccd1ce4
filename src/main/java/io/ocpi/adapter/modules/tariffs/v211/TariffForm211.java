package io.ocpi.adapter.modules.tariffs.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tokens.v211.Form211;
import org.springframework.stereotype.Component;

/** The OCPI 2.1.1 Tariff: see {@link Tariffs211}. The peer's party that sends it owns it. */
@Component
public class TariffForm211 extends Form211 {

    public TariffForm211() {
        super(Tariff.class);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        return Tariffs211.toCanonical(wire, parties.from());
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        return Tariffs211.toWire(canonical, "");
    }
}
