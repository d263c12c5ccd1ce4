package io.ocpi.adapter.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.Version;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.client.OcpiClient;
import io.ocpi.adapter.protocol.client.PeerCallException;
import io.ocpi.adapter.protocol.client.PeerCalls;
import io.ocpi.adapter.protocol.client.PeerCredential;
import io.ocpi.adapter.registry.ConnectionStatus;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: pushes to peers, and events to our routes (see {@link #deliverEvent}). A peer's answer decides what becomes of an item:
 * <ul>
 *   <li>success (OCPI 1xxx): done, removed;</li>
 *   <li>no answer, a timeout, HTTP 5xx or 429, OCPI 3xxx: tried again later, waiting twice as long each time (with
 *       jitter), until {@code ocpi.push.max-attempts} or {@code max-age}; then a dead letter;</li>
 *   <li>OCPI 2xxx or another HTTP 4xx: the peer refuses it, so a retry would not help: a dead letter at once, with the
 *       peer's answer, to be replayed once the cause is fixed. A refused PATCH is first followed by a PUT of the
 *       whole current object.</li>
 * </ul>
 * A peer that does not answer {@code offline-after} times in a row is marked OFFLINE; its items wait, untouched, until
 * its versions endpoint answers again. An item through a hub to a party the hub reports not CONNECTED (hubclientinfo)
 * is not sent, and tried again with the backoff.
 *
 * <p>Each destination (a peer, or one of our routes) has a lane of its own: the items claimed for it wait there for one
 * of the {@code parallelism} threads, and at most {@code destination-parallelism} of them are delivered at once. So a
 * peer that answers slowly, or not at all until the request timeout ({@code ocpi.client.request-timeout}), holds up
 * only its own items: the others' are claimed and delivered meanwhile, by threads it cannot all take. A destination
 * that did not answer gets the items waiting in its lane given back to the outbox, to be tried with the backoff.
 *
 * <p>Delivered items leave the outbox several at a time (see {@link #removeDelivered}), one statement and one commit
 * for several rather than for each. An item delivered but not yet removed when the instance dies is sent again once
 * its lease ends, as one whose removal failed always was; the next change of its object waits for the removal, so a
 * peer still gets each object's changes in order.
 */
@Component
public class PushDelivery {

    /** On an event: the outbox item's id, the same on every attempt, for sinks that must not write twice. */
    public static final String DELIVERY_ID = "OcpiDeliveryId";

    private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);

    private final Outbox outbox;
    private final PeerRepository peers;
    private final PeerCalls calls;
    private final OcpiClient client;
    private final CurrentObjects currentObjects;
    private final PartiesBehindHubs hubParties;
    private final PushMetrics metrics;
    private final OcpiProperties.Push settings;
    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final Map<Long, Integer> failuresInARow = new ConcurrentHashMap<>();
    /** Ids of delivered items still in the outbox. Guarded by itself. */
    private final List<Long> deliveredIds = new ArrayList<>();
    private final Duration requestTimeout;
    private final ExecutorService delivering;
    /** Per destination, in the order they are served next. */
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    /**
     * Guarded by {@code lanes}: deliveries under way; whether the last claim waited for threads to take what was
     * ready; whether room was made since (a full lane down to half, or the ready items).
     */
    private int running;
    private boolean roomMade;
    private boolean threadsBusy;
    /**
     * When a claim that left full lanes out last came back short (System.nanoTime); only drain's thread reads and
     * writes it.
     */
    private long shortClaimAroundFullLanes;
    private volatile boolean stopping;

    public PushDelivery(Outbox outbox, PeerRepository peers, PeerCalls calls, OcpiClient client, CurrentObjects currentObjects,
                        PartiesBehindHubs hubParties, PushMetrics metrics, OcpiProperties properties, CamelContext camel, ObjectMapper json) {
        this.hubParties = hubParties;
        this.producer = camel.createProducerTemplate();
        this.json = json;
        this.currentObjects = currentObjects;
        this.metrics = metrics;
        this.outbox = outbox;
        this.peers = peers;
        this.calls = calls;
        this.client = client;
        this.settings = properties.push();
        this.requestTimeout = properties.client().requestTimeout();
        this.delivering = Executors.newFixedThreadPool(settings.parallelism(), new CustomizableThreadFactory("ocpi-push-"));
        this.shortClaimAroundFullLanes = System.nanoTime() - settings.pollInterval().toNanos();
    }

    /**
     * Claims what is due and hands it to the lanes, as long as claims come back full or the lanes make room; returns
     * when nothing more is due, or when only lanes that stay full (a slow peer) hold items back, for the timer to call
     * again. Deliveries go on in the background. Claims stop while a batch of items already waits for a thread, and
     * a lane holds at most a batch: this instance never holds more than it can start within the lease.
     */
    public void drain() {
        int half = settings.batchSize() / 2;
        while (!stopping) {
            Set<Long> fullPeers = new HashSet<>();
            Set<String> fullRoutes = new HashSet<>();
            int ready;
            synchronized (lanes) {
                roomMade = false;
                ready = ready();
                for (Lane lane : lanes.values()) {
                    if (lane.held() >= settings.batchSize()) {
                        lane.full = true;
                        if (lane.route != null) {
                            fullRoutes.add(lane.route);
                        } else {
                            fullPeers.add(lane.peerId);
                        }
                    }
                }
                threadsBusy = ready > half;
            }
            boolean aroundFullLanes = !fullPeers.isEmpty() || !fullRoutes.isEmpty();
            // A claim that leaves full lanes out still reads their items in the outbox, to pass them by: when they are
            // most of a backlog of 100,000, that is most of the database's work, for little else found. After such a
            // claim came back short, the next is made a poll interval later at the earliest; until then the lanes'
            // room is waited for.
            if (ready > half || (aroundFullLanes && System.nanoTime() - shortClaimAroundFullLanes < settings.pollInterval().toNanos())) {
                if (!awaitRoom()) {
                    return;
                }
                continue;
            }
            int limit = settings.batchSize() - ready;
            // The next change of an object is due only once the one before it has left the outbox.
            removeDelivered();
            Outbox.Claim claim = outbox.claim(limit, settings.lease(), fullPeers, fullRoutes);
            synchronized (lanes) {
                for (OutboxItem item : claim.items()) {
                    lanes.computeIfAbsent(destination(item), key -> new Lane(item.peerId(), item.route()))
                            .waiting.add(new Claimed(item, claim.leaseUntil()));
                }
                dispatch();
            }
            if (claim.items().size() >= limit) {
                continue;
            }
            if (aroundFullLanes) {
                shortClaimAroundFullLanes = System.nanoTime();
            }
            if ((fullPeers.isEmpty() && fullRoutes.isEmpty()) || !awaitRoom()) {
                return;
            }
        }
    }

    /** Items waiting only for a thread: those of lanes below their own limit. Call holding {@code lanes}. */
    private int ready() {
        return lanes.values().stream().filter(lane -> lane.running < settings.destinationParallelism()).mapToInt(lane -> lane.waiting.size()).sum();
    }

    /**
     * Starts waiting items while threads are free, taking the lanes in turn and never more than
     * {@code destination-parallelism} of one lane at once. Call holding {@code lanes}.
     */
    private void dispatch() {
        while (running < settings.parallelism() && !stopping) {
            Map.Entry<String, Lane> next = lanes.entrySet().stream()
                    .filter(entry -> !entry.getValue().waiting.isEmpty() && entry.getValue().running < settings.destinationParallelism())
                    .findFirst().orElse(null);
            if (next == null) {
                return;
            }
            Lane lane = next.getValue();
            // To the back of the line, so that the next free thread serves another destination first.
            lanes.remove(next.getKey());
            lanes.put(next.getKey(), lane);
            Claimed claimed = lane.waiting.poll();
            lane.running++;
            running++;
            delivering.execute(() -> run(next.getKey(), lane, claimed));
        }
    }

    private void run(String destination, Lane lane, Claimed claimed) {
        boolean unanswered = false;
        try {
            // A call must end within the lease, or another instance could take the item over and send it meanwhile.
            if (Instant.now().plus(leaseNeeded()).isAfter(claimed.leaseUntil())) {
                outbox.release(List.of(claimed.item().id()), claimed.leaseUntil());
            } else {
                unanswered = deliver(claimed);
            }
        } catch (RuntimeException e) {
            // An item whose delivery failed unexpectedly keeps its lease; it is tried again when that ends.
            LOG.error("outbox delivery {} failed", claimed.item().id(), e);
        } finally {
            List<Claimed> giveBack = new ArrayList<>();
            boolean idle;
            synchronized (lanes) {
                lane.running--;
                running--;
                if (unanswered) {
                    // The destination does not answer: what waits for it goes back to the outbox rather than
                    // waiting here for calls that will time out too.
                    giveBack.addAll(lane.waiting);
                    lane.waiting.clear();
                }
                if (lane.held() == 0) {
                    lanes.remove(destination);
                }
                dispatch();
                int half = settings.batchSize() / 2;
                if ((lane.full && lane.held() <= half) || (threadsBusy && ready() <= half)) {
                    lane.full &= lane.held() > half;
                    threadsBusy = false;
                    roomMade = true;
                    lanes.notifyAll();
                }
                idle = running == 0;
            }
            if (idle) {
                removeDelivered();
            }
            try {
                release(giveBack);
            } catch (RuntimeException e) {
                LOG.warn("{} outbox items not given back, they are taken again when their lease ends: {}", giveBack.size(), e.getMessage());
            }
        }
    }

    /** Waits up to a poll interval for room: a full lane down to half, or threads taking what was ready. */
    private boolean awaitRoom() {
        long deadline = System.nanoTime() + settings.pollInterval().toNanos();
        synchronized (lanes) {
            while (!roomMade && !stopping) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lanes, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return roomMade;
        }
    }

    /** What a call may take: the request timeout, but no more than half the lease (items wait in a lane meanwhile). */
    private Duration leaseNeeded() {
        Duration half = settings.lease().dividedBy(2);
        return requestTimeout.compareTo(half) < 0 ? requestTimeout : half;
    }

    private void release(List<Claimed> items) {
        Map<Instant, List<Long>> byLease = new HashMap<>();
        items.forEach(claimed -> byLease.computeIfAbsent(claimed.leaseUntil(), lease -> new ArrayList<>()).add(claimed.item().id()));
        byLease.forEach((lease, ids) -> outbox.release(ids, lease));
    }

    /** Stops taking new items; those claimed but not started are given back for the next start or another instance. */
    @PreDestroy
    void stopDelivering() {
        List<Claimed> waiting = new ArrayList<>();
        synchronized (lanes) {
            stopping = true;
            lanes.values().forEach(lane -> waiting.addAll(lane.waiting));
            lanes.values().forEach(lane -> lane.waiting.clear());
            lanes.notifyAll();
        }
        delivering.shutdown();
        removeDelivered();
        try {
            release(waiting);
        } catch (RuntimeException e) {
            LOG.warn("{} claimed outbox items not given back, they are taken again when their lease ends: {}", waiting.size(), e.getMessage());
        }
    }

    private static String destination(OutboxItem item) {
        return item.route() != null ? "route " + item.route() : "peer " + item.peerId();
    }

    /** An item claimed by this instance, and when the claim ends. */
    private record Claimed(OutboxItem item, Instant leaseUntil) {
    }

    /**
     * The items of one destination (a peer, or one of our routes) this instance holds: waiting for a thread, or being
     * delivered. Guarded by {@code lanes}.
     */
    private static final class Lane {
        final Long peerId;
        final String route;
        final Deque<Claimed> waiting = new ArrayDeque<>();
        int running;
        /** Left out of claims for holding a batch, until down to half of one. */
        boolean full;

        Lane(Long peerId, String route) {
            this.peerId = peerId;
            this.route = route;
        }

        int held() {
            return waiting.size() + running;
        }
    }

    /** Delivers one item; answers true when its peer did not answer (no connection, or not within the timeout). */
    private boolean deliver(Claimed claimed) {
        OutboxItem item = claimed.item();
        if (item.route() != null) {
            deliverEvent(item);
            return false;
        }
        Peer peer = peers.find(item.peerId()).orElse(null);
        if (peer == null || !peer.isRegistered() || peer.outgoingToken() == null) {
            dead(item, "peer is no longer registered");
            return false;
        }
        if (peer.connectionStatus() == ConnectionStatus.OFFLINE) {
            // Marked OFFLINE since the claim: the item waits in the outbox for the peer to answer again.
            outbox.release(List.of(item.id()), claimed.leaseUntil());
            return true;
        }
        String endpoint = peer.endpoint(item.module(), InterfaceRole.RECEIVER).orElse(null);
        if (endpoint == null) {
            dead(item, "peer no longer serves a " + item.module() + " receiver");
            return false;
        }
        String url = item.path().isEmpty() ? endpoint : PeerCalls.join(endpoint, item.path());
        ConnectionStatus party = Platform.isHub(peer) && item.to() != null ? hubParties.status(item.to()).orElse(null) : null;
        if (party != null && party != ConnectionStatus.CONNECTED) {
            retryLater(item, peer, "hub " + peer.name() + " reports " + item.to() + " " + party + " (hubclientinfo): not sent until it is CONNECTED");
            return false;
        }
        try {
            calls.send(peer, item.method(), url, item.body() == null ? null : new RawBody(item.body()), item.from(), item.to(), null);
            delivered(item);
            failuresInARow.remove(peer.id());
            return false;
        } catch (PeerCallException e) {
            if ("PATCH".equals(item.method()) && refusedByPeer(e)) {
                putInstead(item, peer, endpoint, url, e);
            } else {
                failed(item, peer, e);
            }
            return e.httpStatus() == 0;
        }
    }

    /**
     * A refused PATCH: the peer may lack the object or hold another version of it. As transport_and_format advises,
     * the whole current object is PUT at the same URL instead. When that is refused too and the object is part of
     * another (an EVSE or connector of a Location), the peer may have lost the parent: the whole parent is PUT.
     */
    private void putInstead(OutboxItem item, Peer peer, String endpoint, String url, PeerCallException refusal) {
        String current = currentObjects.at(item.module(), item.path()).orElse(null);
        if (current == null) {
            dead(item, "PATCH refused and the object is gone: " + refusal.getMessage());
            return;
        }
        LOG.info("PATCH {} refused by peer {} ({}); putting the whole object instead", item.id(), peer.name(), refusal.getMessage());
        try {
            calls.send(peer, "PUT", url, new RawBody(current), item.from(), item.to(), null);
            delivered(item);
        } catch (PeerCallException e) {
            String parentPath = CurrentObjects.parentPath(item.path()).orElse(null);
            if (parentPath != null && refusedByPeer(e)) {
                putParent(item, peer, endpoint, parentPath, e);
            } else {
                failed(item, peer, e);
            }
        }
    }

    private void putParent(OutboxItem item, Peer peer, String endpoint, String parentPath, PeerCallException refusal) {
        String parent = currentObjects.at(item.module(), parentPath).orElse(null);
        if (parent == null) {
            dead(item, "PUT refused and the object it is part of is gone: " + refusal.getMessage());
            return;
        }
        LOG.info("PUT of {} refused by peer {} ({}); putting the whole {} instead", item.path(), peer.name(), refusal.getMessage(), parentPath);
        try {
            calls.send(peer, "PUT", PeerCalls.join(endpoint, parentPath), new RawBody(parent), item.from(), item.to(), null);
            delivered(item);
        } catch (PeerCallException e) {
            failed(item, peer, e);
        }
    }

    private void failed(OutboxItem item, Peer peer, PeerCallException e) {
        if (refusedByPeer(e)) {
            LOG.warn("push {} to peer {} refused, kept as dead letter: {}", item.id(), peer.name(), e.getMessage());
            dead(item, e.getMessage());
            return;
        }
        if (e.httpStatus() == 0 && failuresInARow.merge(peer.id(), 1, Integer::sum) >= settings.offlineAfter()
                && peer.connectionStatus() != ConnectionStatus.OFFLINE) {
            LOG.warn("peer {} did not answer {} times in a row: marked OFFLINE until it answers again", peer.name(), settings.offlineAfter());
            peers.setStatus(peer.id(), peer.status(), ConnectionStatus.OFFLINE);
        }
        retryLater(item, peer, e.getMessage());
    }

    /** Tried again after the backoff, or a dead letter at {@code max-attempts} or {@code max-age}. */
    private void retryLater(OutboxItem item, Peer peer, String reason) {
        boolean tooOld = item.createdAt().plus(settings.maxAge()).isBefore(Instant.now());
        if (item.attempts() >= settings.maxAttempts() || tooOld) {
            LOG.warn("push {} to peer {} given up after {} attempts: {}", item.id(), peer.name(), item.attempts(), reason);
            dead(item, "gave up after " + item.attempts() + " attempts: " + reason);
            return;
        }
        outbox.retryAt(item.id(), Instant.now().plus(backoff(item.attempts())), reason);
        metrics.retried();
    }

    /**
     * Hands an event to the route that listens to it. Whatever fails there (a backend down, a route stopped, a
     * mapping error) is tried again with the same backoff as a push, and kept as a dead letter at the limits; a
     * failure that no retry mends ({@link #refusedForGood}) is a dead letter at once. Each attempt is logged in one
     * line (the stack trace at DEBUG), and by the outbox alone (see {@link EventDeliveryLogging}).
     */
    private void deliverEvent(OutboxItem item) {
        Exchange result = EventDeliveryLogging.delivering(() -> producer.send(item.route(), exchange -> {
            exchange.getIn().setHeaders(eventHeaders(item));
            exchange.getIn().setHeader(DELIVERY_ID, item.id());
            exchange.getIn().setBody(item.body());
        }));
        Exception failure = result.getException();
        if (failure == null) {
            delivered(item);
            return;
        }
        LOG.debug("event {} for {} failed", item.id(), item.route(), failure);
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (refusedForGood(failure)) {
            LOG.warn("event {} for {} refused by its backend, kept as dead letter: {}", item.id(), item.route(), reason);
            dead(item, reason);
            return;
        }
        boolean tooOld = item.createdAt().plus(settings.maxAge()).isBefore(Instant.now());
        if (item.attempts() >= settings.maxAttempts() || tooOld) {
            LOG.warn("event {} for {} given up after {} attempts: {}", item.id(), item.route(), item.attempts(), reason);
            dead(item, "gave up after " + item.attempts() + " attempts: " + reason);
            return;
        }
        LOG.warn("event {} for {} failed (attempt {}), tried again later: {}", item.id(), item.route(), item.attempts(), reason);
        outbox.retryAt(item.id(), Instant.now().plus(backoff(item.attempts())), reason);
        metrics.retried();
    }

    private Map<String, Object> eventHeaders(OutboxItem item) {
        try {
            return item.headers() == null ? new HashMap<>() : json.readValue(item.headers(), new TypeReference<HashMap<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("outbox item " + item.id() + " has unreadable headers", e);
        }
    }

    private void delivered(OutboxItem item) {
        metrics.delivered();
        boolean enough;
        synchronized (deliveredIds) {
            deliveredIds.add(item.id());
            enough = deliveredIds.size() >= settings.parallelism();
        }
        if (enough) {
            removeDelivered();
        }
    }

    /**
     * Removes the delivered items from the outbox, in one statement: when as many have gathered as there are delivery
     * threads, before each claim, and when the last delivery under way ends. Ids that could not be removed (the
     * database away) are kept for the next time.
     */
    private void removeDelivered() {
        List<Long> ids;
        synchronized (deliveredIds) {
            if (deliveredIds.isEmpty()) {
                return;
            }
            ids = List.copyOf(deliveredIds);
            deliveredIds.clear();
        }
        try {
            outbox.delivered(ids);
        } catch (RuntimeException e) {
            synchronized (deliveredIds) {
                deliveredIds.addAll(ids);
            }
            LOG.warn("{} delivered outbox items not removed yet, tried again with the next: {}", ids.size(), e.getMessage());
        }
    }

    private void dead(OutboxItem item, String reason) {
        outbox.dead(item.id(), reason);
        metrics.dead();
    }

    /**
     * A route's failure that sending the event again will not mend: its backend refuses the data itself, as a value
     * its format cannot hold ({@link RefusedForGood}), or a value or key its database refuses (too long, out of range,
     * breaking a constraint).
     */
    private static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedForGood || cause instanceof DataIntegrityViolationException) {
                return true;
            }
        }
        return false;
    }

    /** OCPI 2xxx, or an HTTP client error other than 429 (too many requests): sending again will not help. */
    static boolean refusedByPeer(PeerCallException e) {
        if (e.ocpiStatus() != null && e.ocpiStatus() >= 2000 && e.ocpiStatus() < 3000) {
            return true;
        }
        return e.httpStatus() >= 400 && e.httpStatus() < 500 && e.httpStatus() != 429 && (e.ocpiStatus() == null || e.ocpiStatus() < 3000);
    }

    /** Exponential with full jitter on the upper half: attempt n waits between half and all of initial * 2^(n-1). */
    Duration backoff(int attempts) {
        long ceiling = settings.initialBackoff().toMillis() << Math.min(30, Math.max(0, attempts - 1));
        long capped = Math.min(ceiling, settings.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
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

    /** A body already serialised, sent as it is. */
    record RawBody(@com.fasterxml.jackson.annotation.JsonValue @com.fasterxml.jackson.annotation.JsonRawValue String json) {
    }
}
