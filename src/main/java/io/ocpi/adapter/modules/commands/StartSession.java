package io.ocpi.adapter.modules.commands;

import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * StartSession object: asks a charge point to start charging for a token the eMSP has already authorized.
 * {@code evse_uid} is required whenever {@code connector_id} is given; as a rule between two fields it is not a
 * bean constraint here, so whoever handles the command checks it.
 */
public record StartSession(
        @NotNull @Size(max = 255) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String responseUrl,
        @NotNull @Valid Token token,
        @NotNull @ObjectId @Size(max = 36) String locationId,
        @ObjectId @Size(max = 36) String evseUid,
        @ObjectId @Size(max = 36) String connectorId,
        @CiString @Size(max = 36) String authorizationReference) implements CommandRequest {
}
