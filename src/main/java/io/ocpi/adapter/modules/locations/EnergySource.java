package io.ocpi.adapter.modules.locations;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

public record EnergySource(@NotNull EnergySourceCategory source, @NotNull BigDecimal percentage) {
}
