package io.ocpi.adapter.modules.tariffs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** TariffElement class: price components that apply together, under optional restrictions. */
public record TariffElement(
        @NotEmpty List<@Valid @NotNull PriceComponent> priceComponents,
        @Valid TariffRestrictions restrictions) {
}
