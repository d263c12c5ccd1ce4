package io.ocpi.adapter.push;

import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.Version;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RawJson;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.client.OcpiClient;
import io.ocpi.adapter.protocol.client.PeerCallException;
import io.ocpi.adapter.protocol.client.PeerCalls;
import io.ocpi.adapter.protocol.client.PeerCredential;
import io.ocpi.adapter.registry.ConnectionStatus;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.protocol.WireForms;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers a push to its peer. The peer's answer decides what becomes of the item:
 * <ul>
 *   <li>success (OCPI 1xxx): done, removed;</li>
 *   <li>no answer, a timeout, HTTP 5xx or 429, OCPI 3xxx: tried again later, waiting twice as long each time (with
 *       jitter), until {@code ocpi.push.max-attempts} or {@code max-age}; then a dead letter ({@link RetryPolicy});</li>
 *   <li>OCPI 2xxx or another HTTP 4xx: the peer refuses it, so a retry would not help: a dead letter at once, with the
 *       peer's answer, to be replayed once the cause is fixed. A refused PATCH is first followed by a PUT of the
 *       whole current object.</li>
 * </ul>
 * A peer that does not answer {@code offline-after} times in a row is marked OFFLINE; its items wait, untouched, until
 * its versions endpoint answers again ({@link #checkOfflinePeers}). Bodies go in the peer's version
 * ({@link PeerCalls}); an object that version cannot hold is a dead letter at once, naming the field, and is not sent. An item through a hub to a party the hub reports
 * not CONNECTED (hubclientinfo) is not sent, and tried again with the backoff.
 */
@Component
public class PeerDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(PeerDelivery.class);

    private final Outbox outbox;
    private final PeerRepository peers;
    private final PeerCalls calls;
    private final OcpiClient client;
    private final CurrentObjects currentObjects;
    private final PartiesBehindHubs hubParties;
    private final DeliveryOutcomes outcomes;
    private final int offlineAfter;
    private final Map<Long, Integer> failuresInARow = new ConcurrentHashMap<>();

    public PeerDelivery(Outbox outbox, PeerRepository peers, PeerCalls calls, OcpiClient client, CurrentObjects currentObjects,
                        PartiesBehindHubs hubParties, DeliveryOutcomes outcomes, OcpiProperties properties) {
        this.outbox = outbox;
        this.peers = peers;
        this.calls = calls;
        this.client = client;
        this.currentObjects = currentObjects;
        this.hubParties = hubParties;
        this.outcomes = outcomes;
        this.offlineAfter = properties.push().offlineAfter();
    }

    /**
     * Delivers one push, claimed until {@code leaseUntil}; answers {@link Outcome#UNANSWERED} when its peer did not
     * answer (no connection, or not within the timeout), or is OFFLINE.
     */
    Outcome deliver(OutboxItem item, Instant leaseUntil) {
        Peer peer = peers.find(item.peerId()).orElse(null);
        if (peer == null || !peer.isRegistered() || peer.outgoingToken() == null) {
            outcomes.dead(item, "peer is no longer registered");
            return Outcome.DEAD;
        }
        if (peer.connectionStatus() == ConnectionStatus.OFFLINE) {
            // Marked OFFLINE since the claim: the item waits in the outbox for the peer to answer again.
            outbox.release(List.of(item.id()), leaseUntil);
            return Outcome.UNANSWERED;
        }
        String endpoint = peer.endpoint(item.module(), InterfaceRole.RECEIVER).orElse(null);
        if (endpoint == null) {
            outcomes.dead(item, "peer no longer serves a " + item.module() + " receiver");
            return Outcome.DEAD;
        }
        String url = item.path().isEmpty() ? endpoint : PeerCalls.join(endpoint, item.path());
        ConnectionStatus party = Platform.isHub(peer) && item.to() != null ? hubParties.status(item.to()).orElse(null) : null;
        if (party != null && party != ConnectionStatus.CONNECTED) {
            return retryLater(item, peer, "hub " + peer.name() + " reports " + item.to() + " " + party + " (hubclientinfo): not sent until it is CONNECTED");
        }
        try {
            calls.send(peer, item.method(), url, item.body() == null ? null : body(item, item.path(), item.body()), item.from(), item.to(), null);
            outcomes.delivered(item);
            failuresInARow.remove(peer.id());
            return Outcome.DELIVERED;
        } catch (WireForm.UntranslatableException e) {
            return untranslatable(item, peer, e);
        } catch (PeerCallException e) {
            Outcome outcome = "PATCH".equals(item.method()) && refusedByPeer(e) ? putInstead(item, peer, endpoint, url, e) : failed(item, peer, e);
            return e.httpStatus() == 0 ? Outcome.UNANSWERED : outcome;
        }
    }

    /**
     * A refused PATCH: the peer may lack the object or hold another version of it. As transport_and_format advises,
     * the whole current object is PUT at the same URL instead. When that is refused too and the object is part of
     * another (an EVSE or connector of a Location), the peer may have lost the parent: the whole parent is PUT.
     */
    private Outcome putInstead(OutboxItem item, Peer peer, String endpoint, String url, PeerCallException refusal) {
        String current = current(item, item.path()).orElse(null);
        if (current == null) {
            outcomes.dead(item, "PATCH refused and the object is gone: " + refusal.getMessage());
            return Outcome.DEAD;
        }
        LOG.info("PATCH {} refused by peer {} ({}); putting the whole object instead", item.id(), peer.name(), refusal.getMessage());
        try {
            calls.send(peer, "PUT", url, body(item, item.path(), current), item.from(), item.to(), null);
            outcomes.delivered(item);
            return Outcome.DELIVERED;
        } catch (WireForm.UntranslatableException e) {
            return untranslatable(item, peer, e);
        } catch (PeerCallException e) {
            String parentPath = CurrentObjects.parentPath(item.path()).orElse(null);
            return parentPath != null && refusedByPeer(e) ? putParent(item, peer, endpoint, parentPath, e) : failed(item, peer, e);
        }
    }

    private Outcome putParent(OutboxItem item, Peer peer, String endpoint, String parentPath, PeerCallException refusal) {
        String parent = current(item, parentPath).orElse(null);
        if (parent == null) {
            outcomes.dead(item, "PUT refused and the object it is part of is gone: " + refusal.getMessage());
            return Outcome.DEAD;
        }
        LOG.info("PUT of {} refused by peer {} ({}); putting the whole {} instead", item.path(), peer.name(), refusal.getMessage(), parentPath);
        try {
            calls.send(peer, "PUT", PeerCalls.join(endpoint, parentPath), body(item, parentPath, parent), item.from(), item.to(), null);
            outcomes.delivered(item);
            return Outcome.DELIVERED;
        } catch (WireForm.UntranslatableException e) {
            return untranslatable(item, peer, e);
        } catch (PeerCallException e) {
            return failed(item, peer, e);
        }
    }

    /** Our object of the item's module at {@code path} (the item's own, or the one it is part of), as it is now. */
    private Optional<String> current(OutboxItem item, String path) {
        return currentObjects.at(item.module(), path);
    }

    /** Our stored text sent to {@code path} below the module, with the type it has there (an object, or a part of one). */
    private RawJson body(OutboxItem item, String path, String text) {
        return new RawJson(text, currentObjects.typeAt(item.module(), path));
    }

    /** An object the peer's version cannot hold: sending it again will not help, nor will sending it malformed. */
    private Outcome untranslatable(OutboxItem item, Peer peer, WireForm.UntranslatableException e) {
        String reason = "cannot be written in OCPI " + peer.ocpiVersion() + ", the version of peer " + peer.name() + ": " + e.getMessage();
        LOG.warn("push {} not sent, kept as dead letter: {}", item.id(), reason);
        outcomes.dead(item, reason);
        return Outcome.DEAD;
    }

    private Outcome failed(OutboxItem item, Peer peer, PeerCallException e) {
        if (refusedByPeer(e)) {
            LOG.warn("push {} to peer {} refused, kept as dead letter: {}", item.id(), peer.name(), e.getMessage());
            outcomes.dead(item, e.getMessage());
            return Outcome.DEAD;
        }
        if (e.httpStatus() == 0 && failuresInARow.merge(peer.id(), 1, Integer::sum) >= offlineAfter
                && peer.connectionStatus() != ConnectionStatus.OFFLINE) {
            LOG.warn("peer {} did not answer {} times in a row: marked OFFLINE until it answers again", peer.name(), offlineAfter);
            peers.setStatus(peer.id(), peer.status(), ConnectionStatus.OFFLINE);
        }
        return retryLater(item, peer, e.getMessage());
    }

    private Outcome retryLater(OutboxItem item, Peer peer, String reason) {
        return outcomes.retryLater(item, "push " + item.id() + " to peer " + peer.name(), reason) ? Outcome.LATER : Outcome.DEAD;
    }

    /** OCPI 2xxx, or an HTTP client error other than 429 (too many requests): sending again will not help. */
    static boolean refusedByPeer(PeerCallException e) {
        if (e.ocpiStatus() != null && e.ocpiStatus() >= 2000 && e.ocpiStatus() < 3000) {
            return true;
        }
        return e.httpStatus() >= 400 && e.httpStatus() < 500 && e.httpStatus() != 429 && (e.ocpiStatus() == null || e.ocpiStatus() < 3000);
    }

    /** Calls the versions endpoint of every OFFLINE peer; one that answers is CONNECTED again and its items flow. */
    public void checkOfflinePeers() {
        for (Peer peer : peers.findAll()) {
            if (peer.connectionStatus() != ConnectionStatus.OFFLINE || !peer.isRegistered() || peer.versionsUrl() == null) {
                continue;
            }
            try {
                client.getList(peer.versionsUrl(), PeerCredential.of(peer), Version.class);
                peers.setStatus(peer.id(), peer.status(), ConnectionStatus.CONNECTED);
                failuresInARow.remove(peer.id());
                LOG.info("peer {} answers again: CONNECTED, its pushes resume", peer.name());
            } catch (PeerCallException stillDown) {
                LOG.debug("peer {} still OFFLINE: {}", peer.name(), stillDown.getMessage());
            }
        }
    }
}
