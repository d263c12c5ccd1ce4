package io.ocpi.adapter.modules.locations.v221;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.Connector;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireDifferences;
import io.ocpi.adapter.protocol.WireForm;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A connector in 2.2.1: the canonical one without what only 2.3.0 has (see {@link LocationShapes}). */
@Component
public class ConnectorForm221 implements WireForm {

    @Override
    public Class<?> type() {
        return Connector.class;
    }

    @Override
    public VersionNumber version() {
        return VersionNumber.V2_2_1;
    }

    @Override
    public Optional<WireDifferences> differences() {
        return Optional.of(LocationShapes.CONNECTOR_V221);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode connector = wire.deepCopy();
        LocationShapes.connectorFromV221(connector, "");
        return connector;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode connector = canonical.deepCopy();
        LocationShapes.connectorToV221(connector, "");
        return connector;
    }
}
