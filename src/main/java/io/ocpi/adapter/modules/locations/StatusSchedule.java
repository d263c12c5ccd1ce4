package io.ocpi.adapter.modules.locations;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** StatusSchedule class: a status an EVSE is planned to have for a period, possibly open-ended. */
public record StatusSchedule(
        @NotNull Instant periodBegin,
        Instant periodEnd,
        @NotNull Status status) {
}
