package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.OpenEnum;

/** ConnectorCapability OpenEnum of 2.3.0: a function a connector offers the driver. */
public final class ConnectorCapability extends OpenEnum {

    private static final Values<ConnectorCapability> VALUES = new Values<>(ConnectorCapability.class, ConnectorCapability::new);

    public static final ConnectorCapability ISO_15118_2_PLUG_AND_CHARGE = VALUES.known("ISO_15118_2_PLUG_AND_CHARGE");
    public static final ConnectorCapability ISO_15118_20_PLUG_AND_CHARGE = VALUES.known("ISO_15118_20_PLUG_AND_CHARGE");

    private ConnectorCapability(String name) {
        super(name);
    }

    /** The value of the name, known or not. */
    public static ConnectorCapability of(String name) {
        return VALUES.of(name);
    }

    /**
     * The known value of the name.
     *
     * @throws IllegalArgumentException when the specification names no such value
     */
    public static ConnectorCapability valueOf(String name) {
        return VALUES.valueOf(name);
    }

    /** The known values. */
    public static ConnectorCapability[] values() {
        return VALUES.all().toArray(ConnectorCapability[]::new);
    }
}
