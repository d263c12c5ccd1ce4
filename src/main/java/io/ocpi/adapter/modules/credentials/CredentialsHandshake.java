package io.ocpi.adapter.modules.credentials;

import io.ocpi.adapter.config.OcpiProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.modules.credentials.PeerDiscovery.Choice;
import io.ocpi.adapter.modules.credentials.PeerDiscovery.Discovery;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.ServedVersions;
import io.ocpi.adapter.protocol.client.OcpiClient;
import io.ocpi.adapter.protocol.client.PeerCallException;
import io.ocpi.adapter.protocol.client.PeerCredential;
import io.ocpi.adapter.registry.ConnectionStatus;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.registry.PeerRepository.Registration;
import io.ocpi.adapter.registry.PeerStatus;
import io.ocpi.adapter.registry.PeerTokens;
import io.ocpi.adapter.registry.TokenEncoding;
import io.ocpi.adapter.registry.TokenScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credentials handshake in both directions (credentials.asciidoc): tokens A, B and C, update and unregister.
 *
 * <p>Calls to the peer are made outside any database transaction; what they teach us is then stored in one.
 * A new token of ours is always valid <em>before</em> we hand it over, because the peer may call us with it before
 * it answers.
 */
@Service
public class CredentialsHandshake {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsHandshake.class);

    private final PeerRepository peers;
    private final PeerTokens tokens;
    private final PeerDiscovery discovery;
    private final OcpiClient client;
    private final OcpiBodies bodies;
    private final OcpiUrls urls;
    private final OcpiProperties properties;
    private final TransactionTemplate transaction;
    private final CredentialsShapes shapes;
    private final ServedVersions served;
    private final Platform platform;

    public CredentialsHandshake(PeerRepository peers, PeerTokens tokens, PeerDiscovery discovery, OcpiClient client,
                                OcpiBodies bodies, OcpiUrls urls, OcpiProperties properties, TransactionTemplate transaction,
                                CredentialsShapes shapes, ServedVersions served, Platform platform) {
        this.shapes = shapes;
        this.platform = platform;
        this.served = served;
        this.peers = peers;
        this.tokens = tokens;
        this.discovery = discovery;
        this.client = client;
        this.bodies = bodies;
        this.urls = urls;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** Our credentials for a peer that holds {@code token}. */
    public Credentials ours(String token) {
        return new Credentials(token, urls.versions(), properties.roles());
    }

    // --- The peer calls us -------------------------------------------------------------------------------------

    /** GET credentials: the token the caller uses, with our URL and roles, as {@code version} writes them. */
    public Object current(Caller caller, VersionNumber version) {
        return shapes.write(ours(caller.token()), version, ourRoleIn(version, caller.peer()));
    }

    /**
     * POST credentials: the peer registers with the token A we gave it, in the version whose credentials URL it
     * calls (the one the operator pinned for it, if any).
     */
    public Object acceptRegistration(Caller caller, byte[] body, VersionNumber version) {
        Peer peer = caller.peer();
        if (peer.status() == PeerStatus.REGISTERED || peer.status() == PeerStatus.REGISTERING) {
            throw OcpiException.methodNotAllowed("already registered: use PUT to update credentials, DELETE to unregister");
        }
        if (peer.status() == PeerStatus.UNREGISTERED) {
            throw OcpiException.methodNotAllowed("this registration has ended; ask for a new invitation");
        }
        requirePinned(peer, version);
        Role ourRole = ourRoleIn(version, peer);
        Credentials theirs = shapes.read(bodies.readObject(body), version, other(ourRole));
        TokenEncoding encoding = caller.plainToken() || version == VersionNumber.V2_1_1 ? TokenEncoding.PLAIN : TokenEncoding.BASE64;
        Discovery offered = discoverFor(caller, theirs, encoding, new Choice(version, ourRole));
        String tokenC = transaction.execute(tx -> {
            String issued = tokens.issue(peer.id(), TokenScope.FULL, null);
            peers.saveRegistration(peer.id(), PeerStatus.REGISTERED, registration(theirs, offered));
            tokens.revokeAllBut(peer.id(), issued);
            return issued;
        });
        LOG.info("peer {} registered with us in OCPI {} as {}", peer.name(), version,
                theirs.roles().stream().map(r -> r.countryCode() + "*" + r.partyId() + "/" + r.role()).toList());
        return shapes.write(ours(tokenC), version, ourRole);
    }

    /**
     * PUT credentials: the peer gives us a new token, URL or version; we re-read its endpoints and answer a new token.
     * Called at the credentials URL of another version than the one we speak with the peer, it switches to that
     * version: we read its details of that version, and speak it to the peer from then on.
     */
    public Object acceptUpdate(Caller caller, byte[] body, VersionNumber version) {
        Peer peer = caller.peer();
        if (!peer.isRegistered()) {
            throw OcpiException.methodNotAllowed("not registered: use POST to register");
        }
        requirePinned(peer, version);
        Role ourRole = ourRoleIn(version, peer);
        Credentials theirs = shapes.read(bodies.readObject(body), version, other(ourRole));
        TokenEncoding encoding = caller.plainToken() || version == VersionNumber.V2_1_1 ? TokenEncoding.PLAIN
                : peer.ocpiVersion() == VersionNumber.V2_1_1 ? TokenEncoding.BASE64 : peer.tokenEncoding();
        Discovery offered = discoverFor(caller, theirs, encoding, new Choice(version, ourRole));
        String tokenC = transaction.execute(tx -> {
            String issued = tokens.issue(peer.id(), TokenScope.FULL, null);
            peers.saveRegistration(peer.id(), PeerStatus.REGISTERED, registration(theirs, offered));
            tokens.revokeAllBut(peer.id(), issued);
            return issued;
        });
        if (peer.ocpiVersion() != version) {
            LOG.info("peer {} switched from OCPI {} to {}", peer.name(), peer.ocpiVersion(), version);
        }
        LOG.info("peer {} updated its credentials", peer.name());
        return shapes.write(ours(tokenC), version, ourRole);
    }

    /** DELETE credentials: the peer unregisters; its tokens stop working and we stop calling it. */
    public void acceptUnregistration(Caller caller) {
        Peer peer = caller.peer();
        if (!peer.isRegistered()) {
            throw OcpiException.methodNotAllowed("not registered");
        }
        endRegistration(peer);
        LOG.info("peer {} unregistered", peer.name());
    }

    /**
     * What a peer that registers or updates with us offers. A failure tells the peer only its status code and a
     * fixed reason: the URLs it gave may lead anywhere, and what our calls found there goes to our log alone. A token A
     * whose registrations fail {@code ocpi.registration.max-failed-attempts} times is revoked.
     */
    private Discovery discoverFor(Caller caller, Credentials theirs, TokenEncoding encoding, Choice choice) {
        try {
            return discovery.discover(theirs.url(), new PeerCredential(theirs.token(), encoding, caller.peer().name()), choice);
        } catch (OcpiException failed) {
            LOG.warn("peer {} could not be registered from {}: {}", caller.peer().name(), theirs.url(), failed.getMessage());
            int maxFailures = properties.registration().maxFailedAttempts();
            if (caller.scope() == TokenScope.REGISTRATION && tokens.failedRegistration(caller.token(), maxFailures)) {
                endRegistration(caller.peer());
                LOG.warn("invitation of peer {} revoked after {} failed registrations", caller.peer().name(), maxFailures);
            }
            throw new OcpiException(failed.status(), failed.httpStatus(), switch (failed.status()) {
                case UNSUPPORTED_VERSION -> "no mutual OCPI version: this platform speaks " + choice.wanted() + " at the credentials URL"
                        + " called, which the versions URL given does not offer; it speaks " + served.enabled() + " in all, each at its own"
                        + " credentials URL";
                case NO_MATCHING_ENDPOINTS -> "the version details lack a module this platform requires: " + discovery.requiredModules(choice.wanted());
                default -> "unable to use the versions URL given: it could not be reached, is not allowed, or did not answer as an"
                        + " OCPI " + choice.wanted() + " platform; this platform's operator can tell why";
            });
        }
    }

    // --- We call the peer (operator actions) -------------------------------------------------------------------

    /** Creates a peer entry and its token A, to hand to the peer outside OCPI. */
    public Invitation invite(String name) {
        return invite(name, null, null);
    }

    /**
     * The same, for a peer that is to register in {@code pinned} (null: any version we serve) and, if it speaks OCPI
     * 2.1.1, trade with our party of {@code ourRole} (null: our one role, when we play one).
     */
    public Invitation invite(String name, VersionNumber pinned, Role ourRole) {
        requireServed(pinned);
        requireOurs(ourRole);
        return transaction.execute(tx -> {
            // A peer pinned to 2.1.1 sends its token as it is, also to /ocpi/versions, which all versions share.
            long id = peers.create(name, PeerStatus.INVITED, pinned == VersionNumber.V2_1_1 ? TokenEncoding.PLAIN : TokenEncoding.BASE64);
            peers.setTerms(id, pinned, ourRole);
            String tokenA = tokens.issue(id, TokenScope.REGISTRATION, properties.auth().invitationValidity());
            LOG.info("invitation created for peer {} (id {})", name, id);
            return new Invitation(id, name, tokenA, urls.versions());
        });
    }

    /** Registers with a peer that gave us its versions URL and a token A, in the highest version both speak. */
    public Peer register(String name, String versionsUrl, String tokenA, TokenEncoding encoding) {
        return register(name, versionsUrl, tokenA, encoding, null, null);
    }

    /**
     * Registers with a peer that gave us its versions URL and a token A, in {@code pinned} (null: the highest version
     * both speak); a peer spoken to in OCPI 2.1.1 trades with our party of {@code ourRole} (null: our one role).
     */
    public Peer register(String name, String versionsUrl, String tokenA, TokenEncoding encoding, VersionNumber pinned, Role ourRole) {
        requireServed(pinned);
        requireOurs(ourRole);
        Role role = ourRole != null ? ourRole : onlyRole().orElse(null);
        Discovery offered = discovery.discover(versionsUrl, new PeerCredential(tokenA, encoding, name), new Choice(pinned, role));
        long id = peers.create(name, PeerStatus.REGISTERING, offered.encoding());
        try {
            peers.setTerms(id, pinned, ourRole);
            String tokenB = tokens.issue(id, TokenScope.FULL, null);
            PeerCredential credentialA = new PeerCredential(tokenA, offered.encoding(), name, offered.version());
            Credentials theirs = exchangeCredentials("POST", offered.credentialsUrl(), credentialA, ours(tokenB), offered.version(), role);
            peers.saveRegistration(id, PeerStatus.REGISTERED, registration(theirs, offered));
        } catch (RuntimeException e) {
            peers.delete(id);
            throw e;
        }
        LOG.info("registered with peer {} at {} in OCPI {}", name, versionsUrl, offered.version());
        return peers.find(id).orElseThrow();
    }

    /** Rotates the token the peer uses to call us (a credentials update we start), and takes the new one it hands back. */
    public Peer rotate(long peerId) {
        Peer peer = registeredPeer(peerId);
        String credentialsUrl = peer.credentialsUrl().orElseThrow(() -> new IllegalStateException("peer " + peer.name() + " has no credentials endpoint"));
        String newToken = tokens.issue(peer.id(), TokenScope.FULL, null);
        Credentials theirs;
        try {
            theirs = exchangeCredentials("PUT", credentialsUrl, PeerCredential.of(peer), ours(newToken), peer.ocpiVersion(),
                    ourRoleTowards(peer).orElse(null));
        } catch (RuntimeException e) {
            tokens.revoke(newToken);
            throw e;
        }
        // The peer has switched to the new tokens by now: keep them even if its endpoints cannot be re-read.
        Discovery offered;
        try {
            offered = discovery.discover(theirs.url(), new PeerCredential(theirs.token(), peer.tokenEncoding(), peer.name()),
                    new Choice(peer.ocpiVersion(), ourRoleTowards(peer).orElse(null)));
        } catch (OcpiException e) {
            LOG.warn("peer {} rotated its token but its endpoints could not be re-read ({}); keeping the known ones", peer.name(), e.getMessage());
            offered = new Discovery(peer.ocpiVersion(), peer.endpoints(), peer.tokenEncoding());
        }
        Discovery known = offered;
        transaction.executeWithoutResult(tx -> {
            peers.saveRegistration(peer.id(), PeerStatus.REGISTERED, registration(theirs, known));
            tokens.revokeAllBut(peer.id(), newToken);
        });
        LOG.info("credentials token rotated with peer {}", peer.name());
        return peers.find(peer.id()).orElseThrow();
    }

    /**
     * Unregisters from a peer: tells it (DELETE credentials), then ends the registration on our side whatever it
     * answered, since an operator who unregisters wants the traffic to stop. A peer still INVITED has nothing to be
     * told: its token A is revoked at once.
     */
    public Peer unregister(long peerId) {
        Peer invited = peers.find(peerId).filter(p -> p.status() == PeerStatus.INVITED).orElse(null);
        if (invited != null) {
            endRegistration(invited);
            LOG.info("invitation of peer {} revoked", invited.name());
            return peers.find(peerId).orElseThrow();
        }
        Peer peer = registeredPeer(peerId);
        peer.credentialsUrl().ifPresent(url -> {
            try {
                client.call("DELETE", url, PeerCredential.of(peer), null, null, Map.of());
            } catch (PeerCallException e) {
                LOG.warn("peer {} did not confirm unregistration ({}); ending it on our side anyway", peer.name(), e.getMessage());
            }
        });
        endRegistration(peer);
        LOG.info("unregistered from peer {}", peer.name());
        return peers.find(peer.id()).orElseThrow();
    }

    private Peer registeredPeer(long peerId) {
        Peer peer = peers.find(peerId).orElseThrow(() -> new IllegalArgumentException("no peer with id " + peerId));
        if (!peer.isRegistered()) {
            throw new IllegalStateException("peer " + peer.name() + " is " + peer.status() + ", not REGISTERED");
        }
        return peer;
    }

    private void endRegistration(Peer peer) {
        transaction.executeWithoutResult(tx -> {
            tokens.revokeAll(peer.id());
            peers.clearOutgoing(peer.id());
            peers.setStatus(peer.id(), PeerStatus.UNREGISTERED, ConnectionStatus.SUSPENDED);
        });
    }

    /** Sends our credentials in {@code version}'s shape and reads the peer's answer in the same. */
    private Credentials exchangeCredentials(String method, String url, PeerCredential credential, Credentials ours, VersionNumber version,
                                            Role ourRole) {
        JsonNode answered;
        try {
            answered = client.<JsonNode>call(method, url, credential.in(version), shapes.write(ours, version, ourRole),
                    client.type(JsonNode.class), Map.of()).data();
        } catch (PeerCallException e) {
            throw new PeerRefusedException(method + " credentials failed: " + e.getMessage(), e);
        }
        if (answered == null || answered.isNull()) {
            throw new PeerRefusedException(method + " credentials at " + url + " answered no credentials", null);
        }
        try {
            return shapes.read(answered, version, ourRole == null ? null : other(ourRole));
        } catch (OcpiException invalid) {
            throw new PeerRefusedException("the peer's credentials are invalid: " + invalid.getMessage(), invalid);
        }
    }

    private static Registration registration(Credentials theirs, Discovery offered) {
        return new Registration(theirs.url(), offered.version().text(), theirs.token(), offered.encoding(), theirs.roles(),
                offered.endpoints());
    }

    // --- Versions and roles ------------------------------------------------------------------------------------

    private Optional<Role> ourRoleTowards(Peer peer) {
        return platform.roleTowards(peer);
    }

    /** Our role towards the peer in {@code version}: required in 2.1.1, where a party has one role (3002 otherwise). */
    private Role ourRoleIn(VersionNumber version, Peer peer) {
        Optional<Role> role = ourRoleTowards(peer);
        if (version == VersionNumber.V2_1_1 && role.isEmpty()) {
            throw new OcpiException(OcpiStatus.UNSUPPORTED_VERSION, "OCPI 2.1.1 is spoken with one role of this platform, which plays "
                    + ourRoles() + ", and none is named for this peer: ask this platform's operator for an invitation that names the role,"
                    + " or use " + served.enabled().stream().filter(v -> v != VersionNumber.V2_1_1).toList());
        }
        return role.orElse(null);
    }

    private Optional<Role> onlyRole() {
        List<Role> ours = ourRoles();
        return ours.size() == 1 ? Optional.of(ours.get(0)) : Optional.empty();
    }

    private List<Role> ourRoles() {
        return platform.roles();
    }

    /** The role a 2.1.1 peer plays when it trades with our party of {@code ours}. */
    private static Role other(Role ours) {
        return ours == null ? null : ours == Role.CPO ? Role.EMSP : Role.CPO;
    }

    /** A peer pinned to one version registers or updates at that version's credentials URL only (3002 otherwise). */
    private static void requirePinned(Peer peer, VersionNumber version) {
        if (peer.pinnedVersion() != null && peer.pinnedVersion() != version) {
            throw new OcpiException(OcpiStatus.UNSUPPORTED_VERSION, "this platform speaks OCPI " + peer.pinnedVersion()
                    + " with this peer, not " + version + ": use the credentials URL of " + peer.pinnedVersion());
        }
    }

    private void requireServed(VersionNumber pinned) {
        if (pinned != null && !served.enabled().contains(pinned)) {
            throw new IllegalArgumentException("version: " + pinned + " is not enabled here (ocpi.versions.enabled: " + served.enabled() + ")");
        }
    }

    private void requireOurs(Role ourRole) {
        if (ourRole != null && !ourRoles().contains(ourRole)) {
            throw new IllegalArgumentException("role: this platform plays " + ourRoles() + ", not " + ourRole);
        }
    }
}
