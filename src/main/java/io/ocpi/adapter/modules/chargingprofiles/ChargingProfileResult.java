package io.ocpi.adapter.modules.chargingprofiles;

import jakarta.validation.constraints.NotNull;

/** ChargingProfileResult object: the EVSE's answer to a {@link SetChargingProfile}, posted to the response URL. */
public record ChargingProfileResult(@NotNull ChargingProfileResultType result) {
}
