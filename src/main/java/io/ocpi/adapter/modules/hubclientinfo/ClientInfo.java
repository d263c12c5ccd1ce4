package io.ocpi.adapter.modules.hubclientinfo;

import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.registry.ConnectionStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** ClientInfo object: a party behind a hub, in one role, and whether the hub can reach it. */
public record ClientInfo(
        @NotNull @CiString @Size(max = 3) String partyId,
        @NotNull @CiString @Size(max = 2) String countryCode,
        @NotNull Role role,
        @NotNull ConnectionStatus status,
        @NotNull Instant lastUpdated) {
}
