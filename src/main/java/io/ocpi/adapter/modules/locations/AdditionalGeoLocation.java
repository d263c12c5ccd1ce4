package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.DisplayText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** AdditionalGeoLocation class: a point near a location that helps a driver, such as a garage entrance. */
public record AdditionalGeoLocation(
        @NotNull @Pattern(regexp = "-?[0-9]{1,2}\\.[0-9]{5,7}", message = "must be decimal degrees with 5 to 7 decimals") String latitude,
        @NotNull @Pattern(regexp = "-?[0-9]{1,3}\\.[0-9]{5,7}", message = "must be decimal degrees with 5 to 7 decimals") String longitude,
        @Valid DisplayText name) {
}
