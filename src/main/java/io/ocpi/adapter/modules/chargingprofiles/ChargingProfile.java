package io.ocpi.adapter.modules.chargingprofiles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * ChargingProfile class: upper limits of power or current over time; a maximum, not a target. Without
 * {@code start_date_time} the periods count from the start of charging; without {@code duration} the last period
 * has no end, or ends with the session when the profile counts from the start of charging.
 */
public record ChargingProfile(
        Instant startDateTime,
        Integer duration,
        @NotNull ChargingRateUnit chargingRateUnit,
        @MaxOneFractionDigit BigDecimal minChargingRate,
        List<@Valid @NotNull ChargingProfilePeriod> chargingProfilePeriod) {
}
