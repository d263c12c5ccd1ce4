package io.ocpi.adapter.admin;

import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.registry.ConnectionStatus;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerStatus;
import io.ocpi.adapter.registry.TokenEncoding;
import java.time.Instant;
import java.util.List;

/**
 * A peer as the admin API shows it: everything but the token we hold for it. {@code version} is the OCPI version
 * spoken with it, {@code pinnedVersion} the one the operator chose (null: the highest both speak), {@code ourRole}
 * the role of ours a 2.1.1 peer trades with.
 */
public record PeerView(long id, String name, PeerStatus status, ConnectionStatus connectionStatus, String versionsUrl,
                       String version, TokenEncoding tokenEncoding, List<CredentialsRole> roles, List<Endpoint> endpoints,
                       Instant createdAt, Instant updatedAt, boolean httpErrorsForRefusals, String pinnedVersion, Role ourRole) {

    static PeerView of(Peer peer) {
        return new PeerView(peer.id(), peer.name(), peer.status(), peer.connectionStatus(), peer.versionsUrl(), peer.version(),
                peer.tokenEncoding(), peer.roles(), peer.endpoints(), peer.createdAt(), peer.updatedAt(),
                peer.httpErrorsForRefusals(), peer.pinnedVersion() == null ? null : peer.pinnedVersion().text(), peer.ourRole());
    }
}
