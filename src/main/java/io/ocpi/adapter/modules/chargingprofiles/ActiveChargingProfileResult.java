package io.ocpi.adapter.modules.chargingprofiles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** ActiveChargingProfileResult object: the EVSE's answer to a GET of its active profile, posted to the response URL. */
public record ActiveChargingProfileResult(
        @NotNull ChargingProfileResultType result,
        @Valid ActiveChargingProfile profile) {
}
