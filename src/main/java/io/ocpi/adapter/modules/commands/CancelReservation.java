package io.ocpi.adapter.modules.commands;

import io.ocpi.adapter.protocol.CiString;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** CancelReservation object: asks to drop a reservation made earlier with {@link ReserveNow}. */
public record CancelReservation(
        @NotNull @Size(max = 255) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String responseUrl,
        @NotNull @CiString @Size(max = 36) String reservationId) implements CommandRequest {
}
