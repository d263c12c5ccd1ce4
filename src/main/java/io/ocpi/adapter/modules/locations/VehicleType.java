package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.OpenEnum;

/** VehicleType OpenEnum of 2.3.0: a kind of vehicle a parking place is made for. */
public final class VehicleType extends OpenEnum {

    private static final Values<VehicleType> VALUES = new Values<>(VehicleType.class, VehicleType::new);

    public static final VehicleType MOTORCYCLE = VALUES.known("MOTORCYCLE");
    public static final VehicleType PERSONAL_VEHICLE = VALUES.known("PERSONAL_VEHICLE");
    public static final VehicleType PERSONAL_VEHICLE_WITH_TRAILER = VALUES.known("PERSONAL_VEHICLE_WITH_TRAILER");
    public static final VehicleType VAN = VALUES.known("VAN");
    public static final VehicleType SEMI_TRACTOR = VALUES.known("SEMI_TRACTOR");
    public static final VehicleType RIGID = VALUES.known("RIGID");
    public static final VehicleType TRUCK_WITH_TRAILER = VALUES.known("TRUCK_WITH_TRAILER");
    public static final VehicleType BUS = VALUES.known("BUS");
    public static final VehicleType DISABLED = VALUES.known("DISABLED");

    private VehicleType(String name) {
        super(name);
    }

    /** The value of the name, known or not. */
    public static VehicleType of(String name) {
        return VALUES.of(name);
    }

    /**
     * The known value of the name.
     *
     * @throws IllegalArgumentException when the specification names no such value
     */
    public static VehicleType valueOf(String name) {
        return VALUES.valueOf(name);
    }

    /** The known values. */
    public static VehicleType[] values() {
        return VALUES.all().toArray(VehicleType[]::new);
    }
}
