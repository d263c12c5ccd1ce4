package io.ocpi.adapter.modules.tokens.v211;

import io.ocpi.adapter.modules.tokens.LocationReferences;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 LocationReferences: it may also list {@code connector_ids}, which 2.2.1 dropped (a token is
 * authorized per EVSE); they are not kept. The canonical form is a valid 2.1.1 one as it is.
 */
@Component
public class LocationReferencesForm211 extends DeclaredWireForm {

    public LocationReferencesForm211() {
        super(LocationReferences.class, VersionNumber.V2_1_1,
                (references, parties) -> Tokens211.locationReferencesToCanonical(references), asCanonical -> { });
    }
}
