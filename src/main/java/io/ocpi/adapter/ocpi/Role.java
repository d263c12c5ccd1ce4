package io.ocpi.adapter.ocpi;

import java.util.Arrays;
import java.util.List;

/** Role enum of types.asciidoc: the market role a party plays. */
public enum Role {
    CPO, EMSP, HUB, NAP, NSP, OTHER, SCSP,
    /** Payment Terminal Provider, the owner of the payments module's objects: OCPI 2.3.0 on. */
    PTP;

    /** Whether {@code version}'s Role enum has this role: PTP came with 2.3.0. */
    public boolean isIn(VersionNumber version) {
        return this != PTP || version.compareTo(VersionNumber.V2_3_0) >= 0;
    }

    /** The roles {@code version} knows, in the order of its Role enum. */
    public static List<Role> of(VersionNumber version) {
        return Arrays.stream(values()).filter(role -> role.isIn(version)).toList();
    }
}
