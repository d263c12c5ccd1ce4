package io.ocpi.adapter.modules.tokens;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** EnergyContract class: the driver's own energy supplier, for charge points that can bill energy to it. */
public record EnergyContract(
        @NotNull @Size(max = 64) String supplierName,
        @Size(max = 64) String contractId) {
}
