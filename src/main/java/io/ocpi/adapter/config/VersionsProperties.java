package io.ocpi.adapter.config;

import io.ocpi.adapter.ocpi.VersionNumber;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OCPI versions this adapter offers its peers, under {@code ocpi.versions}.
 *
 * @param enabled the versions served and listed at {@code /ocpi/versions}, e.g. {@code 2.1.1,2.2.1,2.3.0} (the
 *                default). A version left out has no paths: a peer calling them gets what an unknown path gets, and
 *                no registration with a peer chooses it.
 */
@ConfigurationProperties("ocpi.versions")
public record VersionsProperties(@DefaultValue({"2.1.1", "2.2.1", "2.3.0"}) List<String> enabled) {

    public VersionsProperties {
        if (enabled.isEmpty()) {
            throw new IllegalArgumentException("ocpi.versions.enabled: name at least one of " + List.of(VersionNumber.values()));
        }
        for (String version : enabled) {
            if (VersionNumber.of(version.trim()).isEmpty()) {
                throw new IllegalArgumentException("ocpi.versions.enabled: '" + version + "' is not an OCPI version this adapter speaks; it speaks "
                        + List.of(VersionNumber.values()));
            }
        }
    }

    /** The enabled versions, as a set in version order. */
    public Set<VersionNumber> versions() {
        Set<VersionNumber> versions = EnumSet.noneOf(VersionNumber.class);
        enabled.forEach(version -> versions.add(VersionNumber.of(version.trim()).orElseThrow()));
        return versions;
    }
}
