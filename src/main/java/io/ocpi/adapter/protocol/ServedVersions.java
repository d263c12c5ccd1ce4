package io.ocpi.adapter.protocol;

import io.ocpi.adapter.ocpi.VersionNumber;
import java.util.Optional;
import java.util.Set;

/**
 * Which of our enabled OCPI versions serve a module: those {@code ocpi.versions.enabled} names that have the module
 * (a module says which versions have it). Known to the modules; asked when the routes are built, each interface
 * being served at its path in each of these versions.
 */
public interface ServedVersions {

    /** The enabled versions, in version order. */
    Set<VersionNumber> enabled();

    /** The enabled versions that have the module with this identifier, in version order. */
    Set<VersionNumber> of(String module);

    /**
     * The version one of our versioned paths names ({@code /ocpi/cpo/2.1.1/locations}, {@code /ocpi/2.3.0}), when it
     * is enabled and has the path's module; empty when the path has no endpoint in any method.
     */
    default Optional<VersionNumber> serving(String path) {
        return OcpiUrls.version(path).filter(named -> OcpiUrls.module(path).map(this::of).orElseGet(this::enabled).contains(named));
    }
}
