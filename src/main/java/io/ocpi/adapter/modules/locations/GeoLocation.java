package io.ocpi.adapter.modules.locations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** GeoLocation class: WGS 84 coordinates as decimal strings, as the spec defines them. */
public record GeoLocation(
        @NotNull @Pattern(regexp = "-?[0-9]{1,2}\\.[0-9]{5,7}", message = "must be decimal degrees with 5 to 7 decimals") String latitude,
        @NotNull @Pattern(regexp = "-?[0-9]{1,3}\\.[0-9]{5,7}", message = "must be decimal degrees with 5 to 7 decimals") String longitude) {
}
