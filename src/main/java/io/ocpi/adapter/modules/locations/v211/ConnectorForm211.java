package io.ocpi.adapter.modules.locations.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.Connector;
import io.ocpi.adapter.modules.tokens.v211.Form211;
import org.springframework.stereotype.Component;

/** The OCPI 2.1.1 Connector, whole or partial: voltage, amperage and one tariff_id, see {@link Locations211}. */
@Component
public class ConnectorForm211 extends Form211 {

    public ConnectorForm211() {
        super(Connector.class);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        return Locations211.connectorToCanonical(wire);
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        return Locations211.connectorToWire(canonical);
    }
}
