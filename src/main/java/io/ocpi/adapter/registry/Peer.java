package io.ocpi.adapter.registry;

import io.ocpi.adapter.modules.credentials.CredentialsRole;
import io.ocpi.adapter.modules.versions.Endpoint;
import io.ocpi.adapter.modules.versions.InterfaceRole;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Another OCPI platform we exchange data with, as the registry knows it.
 *
 * @param outgoingToken the credentials token we present when calling the peer. Kept as given, because we must
 *                      send it; the tokens the peer presents to us are only stored as hashes (see {@link PeerTokens}).
 */
public record Peer(
        long id,
        String name,
        PeerStatus status,
        ConnectionStatus connectionStatus,
        String versionsUrl,
        String version,
        TokenEncoding tokenEncoding,
        String outgoingToken,
        List<CredentialsRole> roles,
        List<Endpoint> endpoints,
        Instant createdAt,
        Instant updatedAt) {

    public Optional<String> endpoint(String module, InterfaceRole role) {
        return endpoints.stream()
                .filter(e -> e.identifier().equals(module) && e.role() == role)
                .map(Endpoint::url)
                .findFirst();
    }

    public Optional<String> credentialsUrl() {
        return endpoints.stream().filter(e -> e.identifier().equals("credentials")).map(Endpoint::url).findFirst();
    }

    public boolean isRegistered() {
        return status == PeerStatus.REGISTERED;
    }

    /** A peer is logged by name and state; the token we call it with stays out of every log line. */
    @Override
    public String toString() {
        return "Peer[id=" + id + ", name=" + name + ", status=" + status + ", connectionStatus=" + connectionStatus + ", versionsUrl="
                + versionsUrl + ", version=" + version + ", tokenEncoding=" + tokenEncoding + ", outgoingToken=<hidden>, roles=" + roles
                + ", endpoints=" + endpoints + "]";
    }

    /** True when one of the peer's roles carries this country code and party id (CiString: case-insensitive). */
    public boolean plays(String countryCode, String partyId) {
        return roles.stream().anyMatch(r -> r.countryCode().equalsIgnoreCase(countryCode) && r.partyId().equalsIgnoreCase(partyId));
    }
}
