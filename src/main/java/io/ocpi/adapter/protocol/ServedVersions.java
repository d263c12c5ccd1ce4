package io.ocpi.adapter.protocol;

import io.ocpi.adapter.ocpi.VersionNumber;
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
}
