package io.ocpi.adapter.modules.locations;

/** Status enum: whether an EVSE can be used right now, and if not, why. */
public enum Status {
    AVAILABLE, BLOCKED, CHARGING, INOPERATIVE, OUTOFORDER, PLANNED, REMOVED, RESERVED, UNKNOWN
}
