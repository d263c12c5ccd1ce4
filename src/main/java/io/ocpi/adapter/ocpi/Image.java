package io.ocpi.adapter.ocpi;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Image class of mod_locations.asciidoc; also part of BusinessDetails. */
public record Image(
        @NotNull @Size(max = 255) String url,
        @Size(max = 255) String thumbnail,
        @NotNull ImageCategory category,
        @NotNull @Size(max = 4) String type,
        Integer width,
        Integer height) {
}
