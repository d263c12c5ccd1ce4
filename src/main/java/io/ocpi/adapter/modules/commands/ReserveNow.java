package io.ocpi.adapter.modules.commands;

import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * ReserveNow object: asks to hold an EVSE of a location for a token until {@code expiry_date}. Without
 * {@code evse_uid} the charge point picks the EVSE. The same {@code reservation_id} at the same location replaces
 * the earlier reservation.
 */
public record ReserveNow(
        @NotNull @Size(max = 255) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String responseUrl,
        @NotNull @Valid Token token,
        @NotNull Instant expiryDate,
        @NotNull @CiString @Size(max = 36) String reservationId,
        @NotNull @ObjectId @Size(max = 36) String locationId,
        @ObjectId @Size(max = 36) String evseUid,
        @CiString @Size(max = 36) String authorizationReference) implements CommandRequest {
}
