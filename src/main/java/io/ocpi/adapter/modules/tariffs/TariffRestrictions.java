package io.ocpi.adapter.modules.tariffs;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;

/** TariffRestrictions class: when a tariff element applies. Times and dates are local to the location. */
public record TariffRestrictions(
        @Pattern(regexp = "([0-1][0-9]|2[0-3]):[0-5][0-9]", message = "must be a 24h time such as 13:30") String startTime,
        @Pattern(regexp = "([0-1][0-9]|2[0-3]):[0-5][0-9]", message = "must be a 24h time such as 13:30") String endTime,
        @Pattern(regexp = "([12][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", message = "must be a date such as 2015-12-24") String startDate,
        @Pattern(regexp = "([12][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", message = "must be a date such as 2015-12-24") String endDate,
        BigDecimal minKwh,
        BigDecimal maxKwh,
        BigDecimal minCurrent,
        BigDecimal maxCurrent,
        BigDecimal minPower,
        BigDecimal maxPower,
        Integer minDuration,
        Integer maxDuration,
        List<@NotNull DayOfWeek> dayOfWeek,
        ReservationRestrictionType reservation) {
}
