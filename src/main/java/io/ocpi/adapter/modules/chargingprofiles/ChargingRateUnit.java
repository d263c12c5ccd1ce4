package io.ocpi.adapter.modules.chargingprofiles;

/**
 * ChargingRateUnit enum: the unit of a profile's limits. {@code W} is the total power over all phases, {@code A}
 * the current per phase.
 */
public enum ChargingRateUnit {
    W, A
}
