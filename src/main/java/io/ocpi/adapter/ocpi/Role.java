package io.ocpi.adapter.ocpi;

import java.util.Arrays;
import java.util.List;

/** Role enum of types.asciidoc: the market role a party plays. */
public enum Role {
    CPO, EMSP, HUB, NAP, NSP, OTHER, SCSP,
    /** Payment Terminal Provider, the owner of the payments module's objects: OCPI 2.3.0 on. */
    PTP;

    /**
     * Whether {@code version}'s Role enum has this role: PTP came with 2.3.0, and HUB went with it (a 2.3.0 hub names
     * itself in its credentials' {@code hub_party_id}).
     */
    public boolean isIn(VersionNumber version) {
        boolean from230 = version.compareTo(VersionNumber.V2_3_0) >= 0;
        return switch (this) {
            case PTP -> from230;
            case HUB -> !from230;
            default -> true;
        };
    }

    /** The roles {@code version} knows, in the order of its Role enum. */
    public static List<Role> of(VersionNumber version) {
        return Arrays.stream(values()).filter(role -> role.isIn(version)).toList();
    }
}
