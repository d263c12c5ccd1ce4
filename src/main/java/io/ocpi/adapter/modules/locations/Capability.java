package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.OpenEnum;

/** Capability OpenEnum: a function an EVSE offers, such as remote start or a payment terminal. */
public final class Capability extends OpenEnum {

    private static final Values<Capability> VALUES = new Values<>(Capability.class, Capability::new);

    public static final Capability CHARGING_PROFILE_CAPABLE = VALUES.known("CHARGING_PROFILE_CAPABLE");
    public static final Capability CHARGING_PREFERENCES_CAPABLE = VALUES.known("CHARGING_PREFERENCES_CAPABLE");
    public static final Capability CHIP_CARD_SUPPORT = VALUES.known("CHIP_CARD_SUPPORT");
    public static final Capability CONTACTLESS_CARD_SUPPORT = VALUES.known("CONTACTLESS_CARD_SUPPORT");
    public static final Capability CREDIT_CARD_PAYABLE = VALUES.known("CREDIT_CARD_PAYABLE");
    public static final Capability DEBIT_CARD_PAYABLE = VALUES.known("DEBIT_CARD_PAYABLE");
    public static final Capability PED_TERMINAL = VALUES.known("PED_TERMINAL");
    public static final Capability REMOTE_START_STOP_CAPABLE = VALUES.known("REMOTE_START_STOP_CAPABLE");
    public static final Capability RESERVABLE = VALUES.known("RESERVABLE");
    public static final Capability RFID_READER = VALUES.known("RFID_READER");
    public static final Capability START_SESSION_CONNECTOR_REQUIRED = VALUES.known("START_SESSION_CONNECTOR_REQUIRED");
    public static final Capability TOKEN_GROUP_CAPABLE = VALUES.known("TOKEN_GROUP_CAPABLE");
    public static final Capability UNLOCK_CAPABLE = VALUES.known("UNLOCK_CAPABLE");

    private Capability(String name) {
        super(name);
    }

    /** The value of the name, known or not. */
    public static Capability of(String name) {
        return VALUES.of(name);
    }

    /**
     * The known value of the name.
     *
     * @throws IllegalArgumentException when the specification names no such value
     */
    public static Capability valueOf(String name) {
        return VALUES.valueOf(name);
    }

    /** The known values. */
    public static Capability[] values() {
        return VALUES.all().toArray(Capability[]::new);
    }
}
