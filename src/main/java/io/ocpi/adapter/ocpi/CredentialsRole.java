package io.ocpi.adapter.ocpi;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** CredentialsRole class: one (role, country_code, party_id) a platform acts as. */
public record CredentialsRole(
        @NotNull Role role,
        @NotNull @Valid BusinessDetails businessDetails,
        @NotNull @Pattern(regexp = "[A-Za-z0-9]{3}", message = "must be 3 letters or digits") String partyId,
        @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String countryCode) {
}
