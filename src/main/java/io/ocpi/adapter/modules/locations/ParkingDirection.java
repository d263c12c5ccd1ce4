package io.ocpi.adapter.modules.locations;

/** ParkingDirection enum of 2.3.0: how a vehicle parks relative to the roadway it comes from. */
public enum ParkingDirection {
    PARALLEL, PERPENDICULAR, ANGLE
}
