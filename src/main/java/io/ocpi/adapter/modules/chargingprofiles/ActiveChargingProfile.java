package io.ocpi.adapter.modules.chargingprofiles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * ActiveChargingProfile class: the profile an EVSE has worked out from all its inputs, local limits included, which
 * may be lower than any profile sent to it. Its times count from {@code start_date_time}.
 */
public record ActiveChargingProfile(
        @NotNull Instant startDateTime,
        @NotNull @Valid ChargingProfile chargingProfile) {
}
