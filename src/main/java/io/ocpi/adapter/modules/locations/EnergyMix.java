package io.ocpi.adapter.modules.locations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** EnergyMix class: where the energy of a location or tariff comes from. */
public record EnergyMix(
        @NotNull Boolean isGreenEnergy,
        List<@Valid @NotNull EnergySource> energySources,
        List<@Valid @NotNull EnvironmentalImpact> environImpact,
        @Size(max = 64) String supplierName,
        @Size(max = 64) String energyProductName) {
}
