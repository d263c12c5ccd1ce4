package io.ocpi.adapter.modules.commands;

import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** UnlockConnector object: asks a charge point to release a connector that stayed locked after charging. */
public record UnlockConnector(
        @NotNull @Size(max = 255) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String responseUrl,
        @NotNull @ObjectId @Size(max = 36) String locationId,
        @NotNull @ObjectId @Size(max = 36) String evseUid,
        @NotNull @ObjectId @Size(max = 36) String connectorId) implements CommandRequest {
}
