package io.ocpi.adapter.modules.locations;

public enum EnergySourceCategory {
    NUCLEAR, GENERAL_FOSSIL, COAL, GAS, GENERAL_GREEN, SOLAR, WIND, WATER
}
