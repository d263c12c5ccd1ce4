package io.ocpi.adapter.modules.sessions;

import io.ocpi.adapter.ocpi.ProfileType;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;

/** ChargingPreferences object: what a driver wants from an ongoing session, set through the eMSP. */
public record ChargingPreferences(
        @NotNull ProfileType profileType,
        Instant departureTime,
        BigDecimal energyNeed,
        Boolean dischargeAllowed) {
}
