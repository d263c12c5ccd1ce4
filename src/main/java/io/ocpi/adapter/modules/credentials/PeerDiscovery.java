package io.ocpi.adapter.modules.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.Version;
import io.ocpi.adapter.ocpi.VersionDetails;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.ServedVersions;
import io.ocpi.adapter.protocol.client.OcpiClient;
import io.ocpi.adapter.protocol.client.PeerAddressPolicy;
import io.ocpi.adapter.protocol.client.PeerCallException;
import io.ocpi.adapter.protocol.client.PeerCredential;
import io.ocpi.adapter.protocol.client.PeerDeviations;
import io.ocpi.adapter.protocol.client.PeerDeviations.Deviation;
import io.ocpi.adapter.registry.TokenEncoding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Learns what a peer offers: reads its versions, picks the version we will speak (the one asked for, or else the
 * highest we share), reads that version's details and checks that the modules we need are there. Failures carry the
 * status codes of the credentials module: 3001 (cannot use the peer's API), 3002 (no mutual version), 3003
 * (endpoints missing).
 */
@Component
public class PeerDiscovery {

    /** What the peer offers in the version we will speak with it, and the token encoding it took. */
    public record Discovery(VersionNumber version, List<Endpoint> endpoints, TokenEncoding encoding) {

        public String credentialsUrl() {
            return endpoints.stream().filter(e -> ModuleId.CREDENTIALS.equals(e.identifier())).map(Endpoint::url)
                    .findFirst().orElseThrow();
        }
    }

    /**
     * Which version to speak with a peer: {@code wanted} if not null (the version of the credentials URL it called,
     * or the one the operator pinned), else the highest both speak; {@code ourRole} is the role of ours a 2.1.1 peer
     * trades with (null when not known), its own being the other.
     */
    public record Choice(VersionNumber wanted, Role ourRole) {

        public static final Choice HIGHEST = new Choice(null, null);
    }

    private final OcpiClient client;
    private final OcpiBodies bodies;
    private final OcpiProperties properties;
    private final PeerDeviations deviations;
    private final PeerAddressPolicy addresses;
    private final ServedVersions served;

    public PeerDiscovery(OcpiClient client, OcpiBodies bodies, OcpiProperties properties, PeerDeviations deviations,
                         PeerAddressPolicy addresses, ServedVersions served) {
        this.client = client;
        this.bodies = bodies;
        this.properties = properties;
        this.deviations = deviations;
        this.addresses = addresses;
        this.served = served;
    }

    /** The same, for the highest version both speak. */
    public Discovery discover(String versionsUrl, PeerCredential given) {
        return discover(versionsUrl, given, Choice.HIGHEST);
    }

    /**
     * Reads the versions and details at {@code versionsUrl} with {@code given}. A peer that refuses the token there is
     * asked once more with the token in the other encoding (Base64 or plain, which peers of OCPI 2.1.1 and 2.2 expect);
     * if it takes that, it is the peer's encoding from then on. OCPI 2.1.1 sends tokens as they are: a peer spoken to
     * in 2.1.1 gets its token plain.
     */
    public Discovery discover(String versionsUrl, PeerCredential given, Choice choice) {
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
        Version mutual = choose(versionsUrl, versions, choice);
        VersionNumber version = VersionNumber.of(mutual.version()).orElseThrow();
        Role theirRole = version == VersionNumber.V2_1_1 ? theirRole(choice) : null;
        PeerCredential taken = (version == VersionNumber.V2_1_1 ? credential.encoded(TokenEncoding.PLAIN) : credential).in(version);
        JsonNode read = fetch("version details", () -> client.get(mutual.url(), taken, JsonNode.class).data());
        if (read == null || read.isNull()) {
            throw new OcpiException(OcpiStatus.UNABLE_TO_USE_CLIENT_API, "the peer's version details at " + mutual.url() + " are empty");
        }
        VersionDetails details;
        try {
            details = bodies.convert(theirRole != null ? withInterfaceRoles(read, theirRole) : read, VersionDetails.class);
        } catch (OcpiException invalid) {
            throw new OcpiException(OcpiStatus.UNABLE_TO_USE_CLIENT_API,
                    "the peer's version details at " + mutual.url() + " are invalid: " + invalid.getMessage());
        }
        requireModules(version, details.endpoints(), mutual.url());
        // Refused now rather than at their first call: a peer whose API we could not use is no peer of ours.
        for (Endpoint endpoint : details.endpoints()) {
            try {
                addresses.check(endpoint.url());
            } catch (PeerCallException | IllegalArgumentException refused) {
                throw new OcpiException(OcpiStatus.UNABLE_TO_USE_CLIENT_API, "the peer's " + endpoint.identifier()
                        + " endpoint cannot be used: " + refused.getMessage());
            }
        }
        return new Discovery(version, details.endpoints(), taken.encoding());
    }

    /** The entry of the peer's versions list we speak: the one wanted, or the highest we share; 3002 if none. */
    private Version choose(String versionsUrl, List<Version> offered, Choice choice) {
        List<Version> known = offered == null ? List.of() : offered.stream()
                .filter(Objects::nonNull)
                .filter(v -> v.version() != null && v.url() != null && VersionNumber.of(v.version()).isPresent())
                .toList();
        Set<VersionNumber> ours = served.enabled();
        Comparator<Version> byNumber = Comparator.comparing(v -> VersionNumber.of(v.version()).orElseThrow());
        return known.stream()
                .filter(v -> ours.contains(VersionNumber.of(v.version()).orElseThrow()))
                .filter(v -> choice.wanted() == null || choice.wanted().text().equals(v.version()))
                .max(byNumber)
                .orElseThrow(() -> new OcpiException(OcpiStatus.UNSUPPORTED_VERSION, "no mutual OCPI version: the peer at " + versionsUrl
                        + " offers " + (offered == null ? "none" : offered.stream().filter(Objects::nonNull).map(Version::version).toList())
                        + ", this adapter " + (choice.wanted() == null ? "speaks " + ours : "is to speak " + choice.wanted() + " with it")));
    }

    /**
     * OCPI 2.1.1 version details, whose endpoints name no interface role (a 2.1.1 party has one role), with the role
     * each interface has for a party playing {@code theirRole}: a CPO sends its locations, tariffs, sessions and CDRs
     * and receives tokens and commands; an eMSP the other way round.
     */
    private static JsonNode withInterfaceRoles(JsonNode details, Role theirRole) {
        if (!(details instanceof ObjectNode object) || !(object.get("endpoints") instanceof ArrayNode endpoints)) {
            return details;
        }
        ObjectNode copy = object.deepCopy();
        ArrayNode withRoles = copy.putArray("endpoints");
        for (JsonNode endpoint : endpoints) {
            if (endpoint instanceof ObjectNode one && one.path("identifier").isTextual()) {
                String module = one.get("identifier").asText();
                boolean emspSends = module.equals(ModuleId.TOKENS) || module.equals(ModuleId.COMMANDS);
                boolean sends = module.equals(ModuleId.CREDENTIALS) || (theirRole == Role.EMSP) == emspSends;
                withRoles.add(one.deepCopy().put("role", (sends ? InterfaceRole.SENDER : InterfaceRole.RECEIVER).name()));
            } else {
                withRoles.add(endpoint);
            }
        }
        return copy;
    }

    /** The role a 2.1.1 peer plays: the other of the one of ours it trades with. */
    private static Role theirRole(Choice choice) {
        if (choice.ourRole() == null) {
            throw new OcpiException(OcpiStatus.UNSUPPORTED_VERSION, "OCPI 2.1.1 is spoken with one role of ours, and none is named for"
                    + " this peer: this platform plays CPO and EMSP, and its operator names the one for a 2.1.1 peer (role of the"
                    + " invitation or registration)");
        }
        return choice.ourRole() == Role.CPO ? Role.EMSP : Role.CPO;
    }
    /**
     * The modules a peer on {@code version} must offer: credentials, and those of
     * {@code ocpi.registration.required-modules} that the version has (2.1.1 has no hubclientinfo to offer).
     */
    public List<String> requiredModules(VersionNumber version) {
        List<String> required = new ArrayList<>();
        required.add(ModuleId.CREDENTIALS);
        required.addAll(properties.registration().requiredModules());
        return required.stream().distinct().filter(module -> served.of(module).contains(version)).toList();
    }

    private void requireModules(VersionNumber version, List<Endpoint> endpoints, String detailsUrl) {
        Set<String> offered = endpoints.stream().map(Endpoint::identifier).collect(Collectors.toSet());
        List<String> missing = requiredModules(version).stream().filter(m -> !offered.contains(m)).toList();
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
