package io.ocpi.adapter.modules.credentials;

import io.ocpi.adapter.ocpi.BusinessDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The OCPI 2.1.1 credentials object: a 2.1.1 party plays one role, and its credentials name that one party, flat,
 * without the role (credentials.md).
 */
public record Credentials211(
        @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[\\x21-\\x7E]*", message = "must be printable ASCII without spaces") String token,
        @NotNull @Size(max = 255) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String url,
        @NotNull @Valid BusinessDetails businessDetails,
        @NotNull @Pattern(regexp = "[A-Za-z0-9]{3}", message = "must be 3 letters or digits") String partyId,
        @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String countryCode) {

    /** Bodies are logged at DEBUG by the frameworks around us: the token is left out. */
    @Override
    public String toString() {
        return "Credentials211[token=<hidden>, url=" + url + ", party=" + countryCode + "*" + partyId + "]";
    }
}
