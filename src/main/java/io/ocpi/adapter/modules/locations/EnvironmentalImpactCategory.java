package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.OpenEnum;

/** EnvironmentalImpactCategory OpenEnum: what an environmental impact of energy is measured in. */
public final class EnvironmentalImpactCategory extends OpenEnum {

    private static final Values<EnvironmentalImpactCategory> VALUES = new Values<>(EnvironmentalImpactCategory.class, EnvironmentalImpactCategory::new);

    public static final EnvironmentalImpactCategory NUCLEAR_WASTE = VALUES.known("NUCLEAR_WASTE");
    public static final EnvironmentalImpactCategory CARBON_DIOXIDE = VALUES.known("CARBON_DIOXIDE");

    private EnvironmentalImpactCategory(String name) {
        super(name);
    }

    /** The value of the name, known or not. */
    public static EnvironmentalImpactCategory of(String name) {
        return VALUES.of(name);
    }

    /**
     * The known value of the name.
     *
     * @throws IllegalArgumentException when the specification names no such value
     */
    public static EnvironmentalImpactCategory valueOf(String name) {
        return VALUES.valueOf(name);
    }

    /** The known values. */
    public static EnvironmentalImpactCategory[] values() {
        return VALUES.all().toArray(EnvironmentalImpactCategory[]::new);
    }
}
