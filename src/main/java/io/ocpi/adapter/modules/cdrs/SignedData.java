package io.ocpi.adapter.modules.cdrs;

import io.ocpi.adapter.protocol.CiString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** SignedData class: calibration-law signed meter data of a session. */
public record SignedData(
        @NotNull @CiString @Size(max = 36) String encodingMethod,
        Integer encodingMethodVersion,
        @Size(max = 512) String publicKey,
        @NotEmpty List<@Valid @NotNull SignedValue> signedValues,
        @Size(max = 512) String url) {
}
