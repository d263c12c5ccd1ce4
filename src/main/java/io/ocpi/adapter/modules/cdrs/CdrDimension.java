package io.ocpi.adapter.modules.cdrs;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** CdrDimension class: one measured value of a charging period. */
public record CdrDimension(@NotNull CdrDimensionType type, @NotNull BigDecimal volume) {
}
