package io.ocpi.adapter.modules.chargingprofiles;

import jakarta.validation.constraints.NotNull;

/** ClearProfileResult object: the EVSE's answer to a DELETE of a charging profile, posted to the response URL. */
public record ClearProfileResult(@NotNull ChargingProfileResultType result) {
}
