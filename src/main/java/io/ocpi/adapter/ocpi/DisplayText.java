package io.ocpi.adapter.ocpi;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** DisplayText class of types.asciidoc: a text for end users, in one language. */
public record DisplayText(
        @NotNull @Size(max = 2) String language,
        @NotNull @Size(max = 512) String text) {
}
