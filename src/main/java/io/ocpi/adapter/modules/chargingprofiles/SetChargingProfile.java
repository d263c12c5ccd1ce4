package io.ocpi.adapter.modules.chargingprofiles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** SetChargingProfile object: a new or replacing charging profile for an ongoing session. */
public record SetChargingProfile(
        @NotNull @Valid ChargingProfile chargingProfile,
        @NotNull @Size(max = 255) String responseUrl) {
}
