package io.ocpi.adapter.push;

import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.registry.ConnectionStatus;
import java.util.Optional;

/**
 * The parties a hub reaches, as the hub reports them (the hubclientinfo module keeps its reports): a push to a party
 * no peer of ours plays goes to the hubs when one has reported the party, and waits while it is not CONNECTED.
 */
public interface PartiesBehindHubs {

    /** The party's connection status as a hub last reported it; empty when no hub has reported the party. */
    Optional<ConnectionStatus> status(Party party);
}
