package io.ocpi.adapter.modules.tokens.v211;

import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.WireForm;

/** A {@link WireForm} of OCPI 2.1.1 for one canonical type: what every 2.1.1 form shares. */
public abstract class Form211 implements WireForm {

    private final Class<?> type;

    protected Form211(Class<?> type) {
        this.type = type;
    }

    @Override
    public final Class<?> type() {
        return type;
    }

    @Override
    public final VersionNumber version() {
        return VersionNumber.V2_1_1;
    }
}
