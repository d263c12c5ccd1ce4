package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.OpenEnum;

/** ParkingType OpenEnum: the general kind of parking at a location. */
public final class ParkingType extends OpenEnum {

    private static final Values<ParkingType> VALUES = new Values<>(ParkingType.class, ParkingType::new);

    public static final ParkingType ALONG_MOTORWAY = VALUES.known("ALONG_MOTORWAY");
    public static final ParkingType PARKING_GARAGE = VALUES.known("PARKING_GARAGE");
    public static final ParkingType PARKING_LOT = VALUES.known("PARKING_LOT");
    public static final ParkingType ON_DRIVEWAY = VALUES.known("ON_DRIVEWAY");
    public static final ParkingType ON_STREET = VALUES.known("ON_STREET");
    public static final ParkingType UNDERGROUND_GARAGE = VALUES.known("UNDERGROUND_GARAGE");

    private ParkingType(String name) {
        super(name);
    }

    /** The value of the name, known or not. */
    public static ParkingType of(String name) {
        return VALUES.of(name);
    }

    /**
     * The known value of the name.
     *
     * @throws IllegalArgumentException when the specification names no such value
     */
    public static ParkingType valueOf(String name) {
        return VALUES.valueOf(name);
    }

    /** The known values. */
    public static ParkingType[] values() {
        return VALUES.all().toArray(ParkingType[]::new);
    }
}
