package io.ocpi.adapter.ocpi;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** BusinessDetails class of mod_locations.asciidoc, used by credentials roles and locations alike. */
public record BusinessDetails(
        @NotNull @Size(max = 100) String name,
        @Size(max = 255) String website,
        @Valid Image logo) {
}
