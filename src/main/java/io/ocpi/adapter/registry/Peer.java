package io.ocpi.adapter.registry;

import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Another OCPI platform we exchange data with, as the registry knows it.
 *
 * @param outgoingToken the credentials token we present when calling the peer. Kept as given, because we must
 *                      send it; the tokens the peer presents to us are only stored as hashes (see {@link PeerTokens}).
 * @param httpErrorsForRefusals whether the peer's requests that we refuse at the OCPI layer are answered with an HTTP
 *                      error (400, 404) rather than the spec's HTTP 200, for peers that only look at the HTTP status
 * @param pinnedVersion the OCPI version the operator chose for the peer; null: the highest version both speak
 * @param ourRole       the role of ours an OCPI 2.1.1 peer trades with (a 2.1.1 party plays one role, so we play one
 *                      towards it); null when the operator named none
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
        Instant updatedAt,
        boolean httpErrorsForRefusals,
        VersionNumber pinnedVersion,
        Role ourRole) {

    /** The OCPI version we speak with the peer; the canonical one until a registration chose one. */
    public VersionNumber ocpiVersion() {
        return version == null ? VersionNumber.CANONICAL : VersionNumber.of(version).orElse(VersionNumber.CANONICAL);
    }

    /** The same peer with its roles and endpoints, which the registry keeps apart from its row. */
    public Peer withDetails(List<CredentialsRole> roles, List<Endpoint> endpoints) {
        return new Peer(id, name, status, connectionStatus, versionsUrl, version, tokenEncoding, outgoingToken, roles, endpoints,
                createdAt, updatedAt, httpErrorsForRefusals, pinnedVersion, ourRole);
    }

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
                + ", endpoints=" + endpoints + ", httpErrorsForRefusals=" + httpErrorsForRefusals + ", pinnedVersion=" + pinnedVersion
                + ", ourRole=" + ourRole + "]";
    }

    /** True when one of the peer's roles carries this country code and party id (CiString: case-insensitive). */
    public boolean plays(String countryCode, String partyId) {
        return roles.stream().anyMatch(r -> r.countryCode().equalsIgnoreCase(countryCode) && r.partyId().equalsIgnoreCase(partyId));
    }
}
