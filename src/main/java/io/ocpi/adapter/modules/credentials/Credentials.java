package io.ocpi.adapter.modules.credentials;

import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Credentials object: the token the other party must use, its versions URL and the roles it plays. */
public record Credentials(
        @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[\\x21-\\x7E]*", message = "must be printable ASCII without spaces") String token,
        @NotNull @Size(max = 255) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String url,
        @NotEmpty List<@Valid @NotNull CredentialsRole> roles) {

    /** Refuses a role that {@code version} does not define (PTP before 2.3.0), as an unknown value of its Role enum. */
    public Credentials requireRolesOf(VersionNumber version) {
        for (int i = 0; i < roles.size(); i++) {
            Role role = roles.get(i).role();
            if (!role.isIn(version)) {
                throw OcpiException.invalid("roles[" + i + "].role: unknown value '" + role + "', expected one of " + Role.of(version));
            }
        }
        return this;
    }

    /** Bodies are logged at DEBUG by the frameworks around us: the token is left out. */
    @Override
    public String toString() {
        return "Credentials[token=<hidden>, url=" + url + ", roles=" + roles + "]";
    }
}
