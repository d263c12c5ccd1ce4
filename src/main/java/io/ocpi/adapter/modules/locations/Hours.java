package io.ocpi.adapter.modules.locations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Hours class: when a location can be reached, as 24/7 or weekly periods, with dated exceptions either way. */
public record Hours(
        @NotNull Boolean twentyfourseven,
        List<@Valid @NotNull RegularHours> regularHours,
        List<@Valid @NotNull ExceptionalPeriod> exceptionalOpenings,
        List<@Valid @NotNull ExceptionalPeriod> exceptionalClosings) {

    // Not public, so Jackson does not write it; its name makes a refusal point at regular_hours.
    @AssertTrue(message = "must hold at least one period when twentyfourseven is false, and none when it is true")
    boolean isRegularHours() {
        if (twentyfourseven == null) {
            return true;
        }
        boolean none = regularHours == null || regularHours.isEmpty();
        return twentyfourseven == none;
    }
}
