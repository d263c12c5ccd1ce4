package io.ocpi.adapter.modules.tariffs;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** PriceComponent class: the price of one dimension, billed in blocks of {@code step_size}. */
public record PriceComponent(
        @NotNull TariffDimensionType type,
        @NotNull BigDecimal price,
        BigDecimal vat,
        @NotNull Integer stepSize) {
}
