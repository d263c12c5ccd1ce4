package io.ocpi.adapter.modules.tariffs;

/** TariffDimensionType enum: what a price component prices. */
public enum TariffDimensionType {
    ENERGY, FLAT, PARKING_TIME, TIME
}
