package io.ocpi.adapter.protocol;

import io.ocpi.adapter.ocpi.VersionNumber;

/**
 * The body of a request as a peer sent it: its bytes, the OCPI version they are written in, and the parties of the
 * body (whose it is and to whom), which a {@link WireForm} of that version may need to make it canonical.
 * {@link OcpiBodies} reads it into the canonical form.
 *
 * @param version the version the body is written in; null for a body in the canonical form itself, which no form
 *                translates (one handed in by our own side)
 * @param parties null for a body in the canonical form itself
 */
public record RequestBody(byte[] bytes, VersionNumber version, WireForm.Parties parties) {

    /** A body written in the canonical form, e.g. one an enterprise route hands in. */
    public static RequestBody canonical(byte[] bytes) {
        return new RequestBody(bytes, null, null);
    }

    /** The version the body's values are read in (2.3.0 leaves some enums open): its own, or the canonical one. */
    public VersionNumber readAs() {
        return version == null ? VersionNumber.CANONICAL : version;
    }

    public boolean isEmpty() {
        return bytes == null || bytes.length == 0;
    }
}
