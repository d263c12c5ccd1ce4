package io.ocpi.adapter.modules.tokens;

import io.ocpi.adapter.ocpi.DisplayText;
import io.ocpi.adapter.protocol.CiString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * AuthorizationInfo object: the eMSP's real-time answer on whether a token may charge. {@code location} lists only
 * the EVSEs of the asked location at which the driver may charge.
 */
public record AuthorizationInfo(
        @NotNull AllowedType allowed,
        @NotNull @Valid Token token,
        @Valid LocationReferences location,
        @CiString @Size(max = 36) String authorizationReference,
        @Valid DisplayText info) {
}
