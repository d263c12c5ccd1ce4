package io.ocpi.adapter.modules.cdrs;

import io.ocpi.adapter.modules.tokens.TokenType;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** CdrToken class: the token a session was started with, as far as billing needs it. */
public record CdrToken(
        @NotNull @CiString @Size(max = 2) String countryCode,
        @NotNull @CiString @Size(max = 3) String partyId,
        @NotNull @ObjectId @Size(max = 36) String uid,
        @NotNull TokenType type,
        @NotNull @CiString @Size(max = 36) String contractId) {
}
