package io.ocpi.adapter.modules.locations;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

public record EnvironmentalImpact(@NotNull EnvironmentalImpactCategory category, @NotNull BigDecimal amount) {
}
