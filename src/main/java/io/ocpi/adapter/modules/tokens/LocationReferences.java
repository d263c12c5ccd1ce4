package io.ocpi.adapter.modules.tokens;

import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** LocationReferences class: the location, and optionally which of its EVSEs, a real-time authorization is about. */
public record LocationReferences(
        @NotNull @ObjectId @Size(max = 36) String locationId,
        List<@NotNull @ObjectId @Size(max = 36) String> evseUids) {
}
