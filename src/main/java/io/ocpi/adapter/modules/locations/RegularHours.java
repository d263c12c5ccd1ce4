package io.ocpi.adapter.modules.locations;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** RegularHours class: one weekly recurring period, in local time, when a location is open. */
public record RegularHours(
        @NotNull @Min(1) @Max(7) Integer weekday,
        @NotNull @Pattern(regexp = RegularHours.HH_MM, message = "must be a 24h time such as 08:00") String periodBegin,
        @NotNull @Pattern(regexp = RegularHours.HH_MM, message = "must be a 24h time such as 18:15") String periodEnd) {

    static final String HH_MM = "([0-1][0-9]|2[0-3]):[0-5][0-9]";
    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile(HH_MM);

    // Not public, so Jackson does not write it; its name makes a refusal point at period_end.
    @AssertTrue(message = "must be later than period_begin")
    boolean isPeriodEnd() {
        if (periodBegin == null || periodEnd == null
                || !TIME.matcher(periodBegin).matches() || !TIME.matcher(periodEnd).matches()) {
            return true;
        }
        // Zero-padded HH:MM sorts as text in time order.
        return periodEnd.compareTo(periodBegin) > 0;
    }
}
