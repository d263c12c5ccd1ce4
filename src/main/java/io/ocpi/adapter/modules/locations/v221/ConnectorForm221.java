package io.ocpi.adapter.modules.locations.v221;

import io.ocpi.adapter.modules.locations.Connector;
import io.ocpi.adapter.modules.locations.LocationShapes;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/** A connector in 2.2.1: the canonical one without what only 2.3.0 has (see {@link LocationShapes}). */
@Component
public class ConnectorForm221 extends DeclaredWireForm {

    public ConnectorForm221() {
        super(Connector.class, VersionNumber.V2_2_1, LocationShapes.CONNECTOR_V221,
                (connector, parties) -> LocationShapes.connectorFromV221(connector, ""),
                connector -> LocationShapes.connectorToV221(connector, ""));
    }
}
