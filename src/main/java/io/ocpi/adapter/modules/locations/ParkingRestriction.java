package io.ocpi.adapter.modules.locations;

/** ParkingRestriction enum: who or what may park at the spot in front of an EVSE. EMPLOYEES, TAXIS and TENANTS come from 2.3.0. */
public enum ParkingRestriction {
    EV_ONLY, PLUGGED, DISABLED, CUSTOMERS, MOTORCYCLES, EMPLOYEES, TAXIS, TENANTS
}
