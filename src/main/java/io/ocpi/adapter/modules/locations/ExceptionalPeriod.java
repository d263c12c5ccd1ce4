package io.ocpi.adapter.modules.locations;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** ExceptionalPeriod class: a span of time, in UTC, that departs from the regular opening hours. */
public record ExceptionalPeriod(
        @NotNull Instant periodBegin,
        @NotNull Instant periodEnd) {
}
