package io.ocpi.adapter.modules.chargingprofiles;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * ChargingProfilePeriod class: a limit that holds from {@code start_period} seconds after the profile's start until
 * the next period begins.
 */
public record ChargingProfilePeriod(
        @NotNull Integer startPeriod,
        @NotNull @MaxOneFractionDigit BigDecimal limit) {
}
