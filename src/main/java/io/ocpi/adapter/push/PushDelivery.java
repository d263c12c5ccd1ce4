package io.ocpi.adapter.push;

import io.ocpi.adapter.config.OcpiProperties;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims what is due and hands each item to its delivery, a push to {@link PeerDelivery}, an
 * event to {@link EventDelivery}; what becomes of it is theirs to decide. The only part of the outbox that runs
 * threads.
 *
 * <p>A claim takes, of each object, a sequence of up to {@value #SEQUENCE_LENGTH} pending changes, oldest first; one
 * thread delivers a sequence in that order and stops at the first change that is not delivered (tried again later),
 * giving the rest back: they wait for it in the outbox. A thread takes one sequence of a peer's, and all those waiting
 * in a route's lane: those go to the route together, in one unit of work ({@link EventDelivery}).
 *
 * <p>Each destination (a peer, or one of our routes) has a lane of its own: the items claimed for it wait there for one
 * of the {@code parallelism} threads, and at most {@code destination-parallelism} of them are delivered at once. So a
 * peer that answers slowly, or not at all until the request timeout ({@code ocpi.client.request-timeout}), holds up
 * only its own items: the others' are claimed and delivered meanwhile, by threads it cannot all take. A destination
 * that did not answer gets the items waiting in its lane given back to the outbox, to be tried with the backoff.
 */
@Component
public class PushDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);
    /**
     * Changes of one object claimed at once. More would hold an object's changes on one thread for longer (a slow
     * peer) for little gain: a claim and a removal are already shared by this many.
     */
    static final int SEQUENCE_LENGTH = 10;

    private final Outbox outbox;
    private final PeerDelivery peerDelivery;
    private final EventDelivery eventDelivery;
    private final DeliveryOutcomes outcomes;
    private final OcpiProperties.Push settings;
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

    public PushDelivery(Outbox outbox, PeerDelivery peerDelivery, EventDelivery eventDelivery, DeliveryOutcomes outcomes, OcpiProperties properties) {
        this.outbox = outbox;
        this.peerDelivery = peerDelivery;
        this.eventDelivery = eventDelivery;
        this.outcomes = outcomes;
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
            outcomes.removeDelivered();
            Outbox.Claim claim = outbox.claim(limit, SEQUENCE_LENGTH, settings.lease(), fullPeers, fullRoutes);
            List<Sequence> sequences = sequences(claim);
            synchronized (lanes) {
                for (Sequence sequence : sequences) {
                    OutboxItem first = sequence.items().get(0);
                    lanes.computeIfAbsent(destination(first), key -> new Lane(first.peerId(), first.route())).waiting.add(sequence);
                }
                dispatch();
            }
            if (sequences.size() >= limit) {
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

    /** The claimed items as sequences, one per object and destination, each in order, in the order of their first. */
    private static List<Sequence> sequences(Outbox.Claim claim) {
        Map<String, List<OutboxItem>> byObject = new LinkedHashMap<>();
        for (OutboxItem item : claim.items()) {
            byObject.computeIfAbsent(destination(item) + " " + item.objectKey(), key -> new ArrayList<>()).add(item);
        }
        return byObject.values().stream().map(items -> new Sequence(items, claim.leaseUntil())).toList();
    }

    /** Sequences waiting only for a thread: those of lanes below their own limit. Call holding {@code lanes}. */
    private int ready() {
        return lanes.values().stream().filter(lane -> lane.running < settings.destinationParallelism()).mapToInt(lane -> lane.waiting.size()).sum();
    }

    /**
     * Starts waiting sequences while threads are free, taking the lanes in turn and never more than
     * {@code destination-parallelism} threads of one lane at once: a peer's one sequence per thread, a route's all that
     * wait in its lane, so that a busy route gets larger batches rather than more threads: what comes in while a thread
     * delivers its batch is the next thread's. Call holding {@code lanes}.
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
            int share = lane.route == null ? 1 : lane.waiting.size();
            List<Sequence> taken = new ArrayList<>(share);
            while (taken.size() < share && !lane.waiting.isEmpty()) {
                taken.add(lane.waiting.poll());
            }
            lane.running++;
            lane.delivering += taken.size();
            running++;
            delivering.execute(() -> run(next.getKey(), lane, taken));
        }
    }

    private void run(String destination, Lane lane, List<Sequence> taken) {
        boolean unanswered = false;
        List<Sequence> giveBack = new ArrayList<>();
        try {
            unanswered = lane.route == null ? deliverToPeer(taken.get(0), giveBack) : deliverToRoute(taken, giveBack);
        } catch (RuntimeException e) {
            // Items whose delivery failed unexpectedly keep their lease; they are tried again when it ends.
            LOG.error("outbox delivery {} failed", taken.get(0).items().get(0).id(), e);
        } finally {
            boolean idle;
            synchronized (lanes) {
                lane.running--;
                lane.delivering -= taken.size();
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
                outcomes.removeDelivered();
            }
            try {
                release(giveBack);
            } catch (RuntimeException e) {
                LOG.warn("{} outbox items not given back, they are taken again when their lease ends: {}",
                        giveBack.stream().mapToInt(sequence -> sequence.items().size()).sum(), e.getMessage());
            }
        }
    }

    /**
     * Delivers a sequence of pushes to its peer, in order, up to the first that is not delivered; what follows it goes
     * into {@code giveBack}. Answers true when the peer did not answer (see {@link PeerDelivery#deliver}).
     */
    private boolean deliverToPeer(Sequence sequence, List<Sequence> giveBack) {
        List<OutboxItem> items = sequence.items();
        for (int i = 0; i < items.size(); i++) {
            // A call must end within the lease, or another instance could take the item over and send it meanwhile.
            if (!leaseLeft(sequence)) {
                giveBack.add(sequence.from(i));
                return false;
            }
            Outcome outcome = peerDelivery.deliver(items.get(i), sequence.leaseUntil());
            if (!outcome.letsNextGo()) {
                giveBack.add(sequence.from(i + 1));
                return outcome == Outcome.UNANSWERED;
            }
        }
        return false;
    }

    /** Delivers sequences of events to their route together; what is held back goes into {@code giveBack}. */
    private boolean deliverToRoute(List<Sequence> sequences, List<Sequence> giveBack) {
        if (!sequences.stream().allMatch(this::leaseLeft)) {
            giveBack.addAll(sequences);
            return false;
        }
        List<OutboxItem> items = sequences.stream().flatMap(sequence -> sequence.items().stream()).toList();
        Set<Long> heldBack = new HashSet<>(eventDelivery.deliver(items).stream().map(OutboxItem::id).toList());
        for (Sequence sequence : sequences) {
            List<OutboxItem> held = sequence.items().stream().filter(item -> heldBack.contains(item.id())).toList();
            if (!held.isEmpty()) {
                giveBack.add(new Sequence(held, sequence.leaseUntil()));
            }
        }
        return false;
    }

    private boolean leaseLeft(Sequence sequence) {
        return !Instant.now().plus(leaseNeeded()).isAfter(sequence.leaseUntil());
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

    private void release(List<Sequence> sequences) {
        Map<Instant, List<Long>> byLease = new HashMap<>();
        sequences.forEach(sequence -> sequence.items().forEach(item ->
                byLease.computeIfAbsent(sequence.leaseUntil(), lease -> new ArrayList<>()).add(item.id())));
        byLease.forEach((lease, ids) -> outbox.release(ids, lease));
    }

    /** Stops taking new items; those claimed but not started are given back for the next start or another instance. */
    @PreDestroy
    void stopDelivering() {
        List<Sequence> waiting = new ArrayList<>();
        synchronized (lanes) {
            stopping = true;
            lanes.values().forEach(lane -> waiting.addAll(lane.waiting));
            lanes.values().forEach(lane -> lane.waiting.clear());
            lanes.notifyAll();
        }
        delivering.shutdown();
        outcomes.removeDelivered();
        try {
            release(waiting);
        } catch (RuntimeException e) {
            LOG.warn("{} claimed outbox items not given back, they are taken again when their lease ends: {}",
                    waiting.stream().mapToInt(sequence -> sequence.items().size()).sum(), e.getMessage());
        }
    }

    private static String destination(OutboxItem item) {
        return item.route() != null ? "route " + item.route() : "peer " + item.peerId();
    }

    /** Changes of one object to one destination claimed by this instance, oldest first, and when the claim ends. */
    private record Sequence(List<OutboxItem> items, Instant leaseUntil) {

        /** What is left from the item at {@code index} on. */
        Sequence from(int index) {
            return new Sequence(items.subList(index, items.size()), leaseUntil);
        }
    }

    /**
     * The sequences of one destination (a peer, or one of our routes) this instance holds: waiting for a thread, or
     * being delivered. Guarded by {@code lanes}.
     */
    private static final class Lane {
        final Long peerId;
        final String route;
        final Deque<Sequence> waiting = new ArrayDeque<>();
        /** Threads delivering for it, and the sequences they deliver. */
        int running;
        int delivering;
        /** Left out of claims for holding a batch, until down to half of one. */
        boolean full;

        Lane(Long peerId, String route) {
            this.peerId = peerId;
            this.route = route;
        }

        int held() {
            return waiting.size() + delivering;
        }
    }
}
