package io.ocpi.adapter.modules.cdrs;

import io.ocpi.adapter.protocol.CiString;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** SignedValue class: one signed meter value. {@code plain_data} accepts the 5000 characters of the 2.2.1 errata. */
public record SignedValue(
        @NotNull @CiString @Size(max = 32) String nature,
        @NotNull @Size(max = 5000) String plainData,
        @NotNull @Size(max = 5000) String signedData) {
}
