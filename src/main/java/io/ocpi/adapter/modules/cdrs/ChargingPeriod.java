package io.ocpi.adapter.modules.cdrs;

import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** ChargingPeriod class: a stretch of a session with constant prices; it ends where the next one starts. */
public record ChargingPeriod(
        @NotNull Instant startDateTime,
        @NotEmpty List<@Valid @NotNull CdrDimension> dimensions,
        @ObjectId @Size(max = 36) String tariffId) {
}
