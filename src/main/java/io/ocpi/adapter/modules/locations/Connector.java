package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Connector object: a socket, or a cable with plug, of an EVSE. {@code capabilities} comes from 2.3.0. */
public record Connector(
        @NotNull @ObjectId @Size(max = 36) String id,
        @NotNull ConnectorType standard,
        @NotNull ConnectorFormat format,
        @NotNull PowerType powerType,
        @NotNull Integer maxVoltage,
        @NotNull Integer maxAmperage,
        Integer maxElectricPower,
        List<@NotNull @ObjectId @Size(max = 36) String> tariffIds,
        @Size(max = 255) String termsAndConditions,
        List<@NotNull ConnectorCapability> capabilities,
        @NotNull Instant lastUpdated) {
}
