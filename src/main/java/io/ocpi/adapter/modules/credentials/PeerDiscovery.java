package io.ocpi.adapter.modules.credentials;

import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Version;
import io.ocpi.adapter.ocpi.VersionDetails;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.client.OcpiClient;
import io.ocpi.adapter.protocol.client.PeerAddressPolicy;
import io.ocpi.adapter.protocol.client.PeerCallException;
import io.ocpi.adapter.protocol.client.PeerCredential;
import io.ocpi.adapter.protocol.client.PeerDeviations;
import io.ocpi.adapter.protocol.client.PeerDeviations.Deviation;
import io.ocpi.adapter.registry.TokenEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Learns what a peer offers: reads its versions, picks the highest version we share (2.2.1 is the one we speak),
 * reads that version's details and checks that the modules we need are there. Failures carry the status codes of
 * the credentials module: 3001 (cannot use the peer's API), 3002 (no mutual version), 3003 (endpoints missing).
 */
@Component
public class PeerDiscovery {

    /** What the peer offers in the version we will speak with it, and the token encoding it took. */
    public record Discovery(String version, List<Endpoint> endpoints, TokenEncoding encoding) {

        public String credentialsUrl() {
            return endpoints.stream().filter(e -> ModuleId.CREDENTIALS.equals(e.identifier())).map(Endpoint::url)
                    .findFirst().orElseThrow();
        }
    }

    private final OcpiClient client;
    private final OcpiBodies bodies;
    private final OcpiProperties properties;
    private final PeerDeviations deviations;
    private final PeerAddressPolicy addresses;

    public PeerDiscovery(OcpiClient client, OcpiBodies bodies, OcpiProperties properties, PeerDeviations deviations,
                         PeerAddressPolicy addresses) {
        this.client = client;
        this.bodies = bodies;
        this.properties = properties;
        this.deviations = deviations;
        this.addresses = addresses;
    }

    /**
     * Reads the versions and details at {@code versionsUrl} with {@code given}. A peer that refuses the token there is
     * asked once more with the token in the other encoding (Base64 or plain, which peers of OCPI 2.1.1 and 2.2 expect);
     * if it takes that, it is the peer's encoding from then on.
     */
    public Discovery discover(String versionsUrl, PeerCredential given) {
        PeerCredential credential = given;
        List<Version> versions;
        try {
            versions = client.getList(versionsUrl, credential, Version.class).data();
        } catch (PeerCallException refused) {
            if (refused.httpStatus() == 0) {
                throw unusable("versions", refused);
            }
            credential = given.otherEncoding();
            try {
                versions = client.getList(versionsUrl, credential, Version.class).data();
            } catch (PeerCallException again) {
                throw unusable("versions", refused);
            }
            deviations.tolerated(given.peerName(versionsUrl), Deviation.TOKEN_ENCODING,
                    "GET " + versionsUrl + " refused the token in " + given.encoding() + " and took it in " + credential.encoding());
        }
        PeerCredential taken = credential;
        Version mutual = versions == null ? null : versions.stream()
                .filter(Objects::nonNull)
                .filter(v -> OcpiUrls.VERSION.equals(v.version()))
                .findFirst()
                .orElse(null);
        if (mutual == null || mutual.url() == null) {
            throw new OcpiException(OcpiStatus.UNSUPPORTED_VERSION, "no mutual OCPI version: the peer at " + versionsUrl
                    + " offers " + (versions == null ? "none" : versions.stream().map(Version::version).toList())
                    + ", this adapter speaks " + OcpiUrls.VERSION);
        }
        VersionDetails details = fetch("version details", () -> client.get(mutual.url(), taken, VersionDetails.class).data());
        if (details == null) {
            throw new OcpiException(OcpiStatus.UNABLE_TO_USE_CLIENT_API, "the peer's version details at " + mutual.url() + " are empty");
        }
        try {
            bodies.validate(details);
        } catch (OcpiException invalid) {
            throw new OcpiException(OcpiStatus.UNABLE_TO_USE_CLIENT_API,
                    "the peer's version details at " + mutual.url() + " are invalid: " + invalid.getMessage());
        }
        requireModules(details.endpoints(), mutual.url());
        // Refused now rather than at their first call: a peer whose API we could not use is no peer of ours.
        for (Endpoint endpoint : details.endpoints()) {
            try {
                addresses.check(endpoint.url());
            } catch (PeerCallException | IllegalArgumentException refused) {
                throw new OcpiException(OcpiStatus.UNABLE_TO_USE_CLIENT_API, "the peer's " + endpoint.identifier()
                        + " endpoint cannot be used: " + refused.getMessage());
            }
        }
        return new Discovery(OcpiUrls.VERSION, details.endpoints(), taken.encoding());
    }

    /** The modules a peer must offer: credentials, and those of {@code ocpi.registration.required-modules}. */
    public List<String> requiredModules() {
        List<String> required = new ArrayList<>();
        required.add(ModuleId.CREDENTIALS);
        required.addAll(properties.registration().requiredModules());
        return required.stream().distinct().toList();
    }

    private void requireModules(List<Endpoint> endpoints, String detailsUrl) {
        Set<String> offered = endpoints.stream().map(Endpoint::identifier).collect(Collectors.toSet());
        List<String> missing = requiredModules().stream().filter(m -> !offered.contains(m)).toList();
        if (!missing.isEmpty()) {
            throw new OcpiException(OcpiStatus.NO_MATCHING_ENDPOINTS, "the peer's version details at " + detailsUrl
                    + " lack the required modules " + missing);
        }
    }

    private static <T> T fetch(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (PeerCallException e) {
            throw unusable(what, e);
        }
    }

    private static OcpiException unusable(String what, PeerCallException e) {
        return new OcpiException(OcpiStatus.UNABLE_TO_USE_CLIENT_API, "cannot read the peer's " + what + ": " + e.getMessage());
    }
}
