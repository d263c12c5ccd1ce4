package io.ocpi.adapter.modules.cdrs;

/** CdrDimensionType enum: what a charging period measured. */
public enum CdrDimensionType {
    CURRENT, ENERGY, ENERGY_EXPORT, ENERGY_IMPORT, MAX_CURRENT, MIN_CURRENT, MAX_POWER, MIN_POWER, PARKING_TIME, POWER,
    RESERVATION_TIME, STATE_OF_CHARGE, TIME
}
