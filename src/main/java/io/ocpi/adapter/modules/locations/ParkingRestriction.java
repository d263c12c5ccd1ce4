package io.ocpi.adapter.modules.locations;

/** ParkingRestriction enum: who or what may park at the spot in front of an EVSE. */
public enum ParkingRestriction {
    EV_ONLY, PLUGGED, DISABLED, CUSTOMERS, MOTORCYCLES
}
