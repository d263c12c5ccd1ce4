package io.ocpi.adapter.modules.chargingprofiles;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ocpi.adapter.modules.asyncrequests.AsyncResponse;
import jakarta.validation.constraints.NotNull;

/**
 * ChargingProfileResponse object: the receiver's immediate answer to a charging profile request, not the EVSE's.
 * {@code timeout} (seconds) is how long the sender should wait for the result, as a lost result is never retried.
 */
public record ChargingProfileResponse(
        @NotNull ChargingProfileResponseType result,
        @NotNull Integer timeout) implements AsyncResponse {

    @Override
    @JsonIgnore
    public boolean accepted() {
        return result == ChargingProfileResponseType.ACCEPTED;
    }
}
