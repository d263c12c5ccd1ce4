package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.OpenEnum;

/** Facility OpenEnum: a place or service a charging location belongs to or sits next to. */
public final class Facility extends OpenEnum {

    private static final Values<Facility> VALUES = new Values<>(Facility.class, Facility::new);

    public static final Facility HOTEL = VALUES.known("HOTEL");
    public static final Facility RESTAURANT = VALUES.known("RESTAURANT");
    public static final Facility CAFE = VALUES.known("CAFE");
    public static final Facility MALL = VALUES.known("MALL");
    public static final Facility SUPERMARKET = VALUES.known("SUPERMARKET");
    public static final Facility SPORT = VALUES.known("SPORT");
    public static final Facility RECREATION_AREA = VALUES.known("RECREATION_AREA");
    public static final Facility NATURE = VALUES.known("NATURE");
    public static final Facility MUSEUM = VALUES.known("MUSEUM");
    public static final Facility BIKE_SHARING = VALUES.known("BIKE_SHARING");
    public static final Facility BUS_STOP = VALUES.known("BUS_STOP");
    public static final Facility TAXI_STAND = VALUES.known("TAXI_STAND");
    public static final Facility TRAM_STOP = VALUES.known("TRAM_STOP");
    public static final Facility METRO_STATION = VALUES.known("METRO_STATION");
    public static final Facility TRAIN_STATION = VALUES.known("TRAIN_STATION");
    public static final Facility AIRPORT = VALUES.known("AIRPORT");
    public static final Facility PARKING_LOT = VALUES.known("PARKING_LOT");
    public static final Facility CARPOOL_PARKING = VALUES.known("CARPOOL_PARKING");
    public static final Facility FUEL_STATION = VALUES.known("FUEL_STATION");
    public static final Facility WIFI = VALUES.known("WIFI");

    private Facility(String name) {
        super(name);
    }

    /** The value of the name, known or not. */
    public static Facility of(String name) {
        return VALUES.of(name);
    }

    /**
     * The known value of the name.
     *
     * @throws IllegalArgumentException when the specification names no such value
     */
    public static Facility valueOf(String name) {
        return VALUES.valueOf(name);
    }

    /** The known values. */
    public static Facility[] values() {
        return VALUES.all().toArray(Facility[]::new);
    }
}
