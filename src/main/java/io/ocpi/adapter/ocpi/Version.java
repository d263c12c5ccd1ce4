package io.ocpi.adapter.ocpi;

import jakarta.validation.constraints.NotNull;

/** Version class: one entry of the versions list. */
public record Version(@NotNull String version, @NotNull String url) {
}
