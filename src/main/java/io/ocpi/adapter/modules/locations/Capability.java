package io.ocpi.adapter.modules.locations;

/** Capability enum: a function an EVSE offers, such as remote start or a payment terminal. */
public enum Capability {
    CHARGING_PROFILE_CAPABLE,
    CHARGING_PREFERENCES_CAPABLE,
    CHIP_CARD_SUPPORT,
    CONTACTLESS_CARD_SUPPORT,
    CREDIT_CARD_PAYABLE,
    DEBIT_CARD_PAYABLE,
    PED_TERMINAL,
    REMOTE_START_STOP_CAPABLE,
    RESERVABLE,
    RFID_READER,
    START_SESSION_CONNECTOR_REQUIRED,
    TOKEN_GROUP_CAPABLE,
    UNLOCK_CAPABLE
}
