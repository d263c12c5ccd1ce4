package io.ocpi.adapter.ocpi;

import java.time.Instant;

/**
 * A Client Owned Object (transport_and_format.asciidoc): kept by the owner's country code and party id and its own
 * id, pushed by its owner, pulled by the others. Locations, sessions, CDRs, tariffs and tokens are.
 */
public interface OwnedObject {

    String countryCode();

    String partyId();

    Instant lastUpdated();

    /** The object's id within its owner: Location.id, Session.id, CDR.id, Tariff.id, Token.uid. */
    String objectId();
}
