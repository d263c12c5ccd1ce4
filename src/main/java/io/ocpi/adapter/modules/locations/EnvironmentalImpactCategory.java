package io.ocpi.adapter.modules.locations;

public enum EnvironmentalImpactCategory {
    NUCLEAR_WASTE, CARBON_DIOXIDE
}
