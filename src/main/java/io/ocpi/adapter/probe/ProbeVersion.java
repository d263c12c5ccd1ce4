package io.ocpi.adapter.probe;

import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.registry.TokenEncoding;

/**
 * What the probe holds a peer to in one OCPI version, from that version's text. The checks are the same in every
 * version; what differs is said here, and the objects' shape in {@code probe/<version>/} ({@link ProbeFixtures},
 * {@link ObjectRules}). OCPI 2.1.1 has no routing headers and no request ids (both came with 2.2), sends tokens as
 * they are, lets a PATCH leave out last_updated, and its objects name no owner; its Tokens Receiver names a token by
 * uid alone.
 */
record ProbeVersion(VersionNumber number, PeerObjects objects) {

    boolean hasRoutingHeaders() {
        return number != VersionNumber.V2_1_1;
    }

    boolean hasRequestIds() {
        return number != VersionNumber.V2_1_1;
    }

    TokenEncoding tokenEncoding() {
        return number == VersionNumber.V2_1_1 ? TokenEncoding.PLAIN : TokenEncoding.BASE64;
    }

    /** Whether a PATCH without last_updated is refused (OCPI 2001): 2.2 made last_updated required in every PATCH. */
    boolean requiresLastUpdatedInPatch() {
        return number != VersionNumber.V2_1_1;
    }

    /** Whether objects carry their owner's country_code and party_id. */
    boolean hasOwners() {
        return number != VersionNumber.V2_1_1;
    }

    /** Whether a Tokens Receiver's URL names the token's type ({@code ?type=}) beside its uid. */
    boolean namesTokenTypeInUrl() {
        return number != VersionNumber.V2_1_1;
    }

    /** The reason of a check the version does not have. */
    String notIn() {
        return "not in OCPI " + number.text();
    }
}
