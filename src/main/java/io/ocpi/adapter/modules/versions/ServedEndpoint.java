package io.ocpi.adapter.modules.versions;

import io.ocpi.adapter.ocpi.InterfaceRole;

/**
 * One module interface this adapter serves, declared by the module's routes and listed in our version details.
 *
 * @param path our path for it, e.g. {@code /ocpi/2.2.1/credentials}
 */
public record ServedEndpoint(String identifier, InterfaceRole role, String path) {
}
