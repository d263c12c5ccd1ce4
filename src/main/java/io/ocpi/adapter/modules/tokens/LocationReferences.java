package io.ocpi.adapter.modules.tokens;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** LocationReferences class: the location, and optionally which of its EVSEs, a real-time authorization is about. */
public record LocationReferences(
        @NotNull @Size(max = 36) String locationId,
        List<@NotNull @Size(max = 36) String> evseUids) {
}
