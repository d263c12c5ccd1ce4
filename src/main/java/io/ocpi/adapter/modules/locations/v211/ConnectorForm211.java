package io.ocpi.adapter.modules.locations.v211;

import io.ocpi.adapter.modules.locations.Connector;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/** The OCPI 2.1.1 Connector, whole or partial: voltage, amperage and one tariff_id, see {@link Locations211}. */
@Component
public class ConnectorForm211 extends DeclaredWireForm {

    public ConnectorForm211() {
        super(Connector.class, VersionNumber.V2_1_1, (connector, parties) -> Locations211.connectorToCanonical(connector),
                Locations211::connectorToWire);
    }
}
