package io.ocpi.adapter.modules.locations;

/** ParkingType enum: the general kind of parking at a location. */
public enum ParkingType {
    ALONG_MOTORWAY, PARKING_GARAGE, PARKING_LOT, ON_DRIVEWAY, ON_STREET, UNDERGROUND_GARAGE
}
