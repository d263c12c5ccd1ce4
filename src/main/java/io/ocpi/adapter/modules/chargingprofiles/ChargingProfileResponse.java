package io.ocpi.adapter.modules.chargingprofiles;

import jakarta.validation.constraints.NotNull;

/**
 * ChargingProfileResponse object: the receiver's immediate answer to a charging profile request, not the EVSE's.
 * {@code timeout} (seconds) is how long the sender should wait for the result, as a lost result is never retried.
 */
public record ChargingProfileResponse(
        @NotNull ChargingProfileResponseType result,
        @NotNull Integer timeout) {
}
