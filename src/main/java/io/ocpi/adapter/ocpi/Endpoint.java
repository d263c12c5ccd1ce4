package io.ocpi.adapter.ocpi;

import jakarta.validation.constraints.NotNull;

/**
 * Endpoint class of version details. The module id is kept as a string, not an enum: peers may list custom
 * modules, which we must read past rather than refuse.
 */
public record Endpoint(@NotNull String identifier, @NotNull InterfaceRole role, @NotNull String url) {
}
