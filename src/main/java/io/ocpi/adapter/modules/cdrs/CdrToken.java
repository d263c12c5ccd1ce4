package io.ocpi.adapter.modules.cdrs;

import io.ocpi.adapter.modules.tokens.TokenType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** CdrToken class: the token a session was started with, as far as billing needs it. */
public record CdrToken(
        @NotNull @Size(max = 2) String countryCode,
        @NotNull @Size(max = 3) String partyId,
        @NotNull @Size(max = 36) String uid,
        @NotNull TokenType type,
        @NotNull @Size(max = 36) String contractId) {
}
