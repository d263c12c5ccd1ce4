package io.ocpi.adapter.modules.tokens.v211;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.LocationReferences;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 LocationReferences: it may also list {@code connector_ids}, which 2.2.1 dropped (a token is
 * authorized per EVSE); they are not kept. The canonical form is a valid 2.1.1 one as it is.
 */
@Component
public class LocationReferencesForm211 extends Form211 {

    public LocationReferencesForm211() {
        super(LocationReferences.class);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        return Tokens211.locationReferencesToCanonical(wire);
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        return canonical.deepCopy();
    }
}
