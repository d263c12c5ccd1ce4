package io.ocpi.adapter.modules.locations;

/** VehicleType enum of 2.3.0: a kind of vehicle a parking place is made for. */
public enum VehicleType {
    MOTORCYCLE, PERSONAL_VEHICLE, PERSONAL_VEHICLE_WITH_TRAILER, VAN, SEMI_TRACTOR, RIGID, TRUCK_WITH_TRAILER, BUS, DISABLED
}
