package io.ocpi.adapter.ocpi;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;

public record VersionDetails(@NotNull String version, @NotEmpty List<@Valid @NotNull Endpoint> endpoints) {

    /**
     * The credentials endpoint has no meaningful role (the spec advises SENDER but some peers say RECEIVER), so
     * it is found by identifier alone.
     */
    public Optional<String> credentialsUrl() {
        return endpoints.stream().filter(e -> ModuleId.CREDENTIALS.equals(e.identifier())).map(Endpoint::url).findFirst();
    }
}
