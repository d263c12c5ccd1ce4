package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.OpenEnum;

/** ParkingRestriction OpenEnum: who or what may park at the spot in front of an EVSE. EMPLOYEES, TAXIS and TENANTS come from 2.3.0. */
public final class ParkingRestriction extends OpenEnum {

    private static final Values<ParkingRestriction> VALUES = new Values<>(ParkingRestriction.class, ParkingRestriction::new);

    public static final ParkingRestriction EV_ONLY = VALUES.known("EV_ONLY");
    public static final ParkingRestriction PLUGGED = VALUES.known("PLUGGED");
    public static final ParkingRestriction DISABLED = VALUES.known("DISABLED");
    public static final ParkingRestriction CUSTOMERS = VALUES.known("CUSTOMERS");
    public static final ParkingRestriction MOTORCYCLES = VALUES.known("MOTORCYCLES");
    public static final ParkingRestriction EMPLOYEES = VALUES.known("EMPLOYEES");
    public static final ParkingRestriction TAXIS = VALUES.known("TAXIS");
    public static final ParkingRestriction TENANTS = VALUES.known("TENANTS");

    private ParkingRestriction(String name) {
        super(name);
    }

    /** The value of the name, known or not. */
    public static ParkingRestriction of(String name) {
        return VALUES.of(name);
    }

    /**
     * The known value of the name.
     *
     * @throws IllegalArgumentException when the specification names no such value
     */
    public static ParkingRestriction valueOf(String name) {
        return VALUES.valueOf(name);
    }

    /** The known values. */
    public static ParkingRestriction[] values() {
        return VALUES.all().toArray(ParkingRestriction[]::new);
    }
}
