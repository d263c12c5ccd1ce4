package io.ocpi.adapter.registry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The holders of the tokens presented to this instance, by token hash, so that finding a request's caller needs no
 * query. Holders are kept only while this instance hears of every change to the registry: on PostgreSQL through the
 * notification that each write to {@code peer}, {@code peer_token}, {@code peer_role} or {@code peer_endpoint} sends
 * in its transaction ({@link RegistryNotifications}), whoever wrote it. Any change forgets every holder; one made here
 * is forgotten as soon as it is committed. Until the instance listens (on H2 never, on PostgreSQL from its start until
 * its listening connection is open, and again after that connection is lost) nothing is kept and every caller is read
 * from the database. A token's expiry is checked at each use.
 */
@Component
public class HolderCache {

    private record Entry(PeerTokens.Holder holder, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts the changes heard; a holder read before one of them is not kept. */
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean listening;
    private final Counter fromMemory;
    private final Counter fromDatabase;

    public HolderCache(MeterRegistry meters) {
        this.fromMemory = lookups(meters, "memory");
        this.fromDatabase = lookups(meters, "database");
    }

    private static Counter lookups(MeterRegistry meters, String source) {
        return Counter.builder("ocpi.caller.lookups").description("Presented tokens looked up, by where their holder was found")
                .tag("source", source).register(meters);
    }

    /** The holder of a token that has not expired at {@code now}, when this instance knows it; else a read is due. */
    Optional<PeerTokens.Holder> get(String tokenHash, Instant now) {
        Entry entry = listening ? entries.get(tokenHash) : null;
        if (entry != null && entry.expiresAt() != null && !entry.expiresAt().isAfter(now)) {
            entries.remove(tokenHash, entry);
            entry = null;
        }
        (entry == null ? fromDatabase : fromMemory).increment();
        return entry == null ? Optional.empty() : Optional.of(entry.holder());
    }

    /** To be taken before reading a holder from the database, and handed to {@link #put} with what was read. */
    long changesHeard() {
        return changes.get();
    }

    /** Keeps a holder read from the database, unless the registry changed since the read began. */
    void put(String tokenHash, PeerTokens.Holder holder, Instant expiresAt, long changesBeforeRead) {
        if (!listening) {
            return;
        }
        Entry entry = new Entry(holder, expiresAt);
        entries.put(tokenHash, entry);
        // A change heard meanwhile may have cleared the map before this put: then the holder read may be stale.
        if (changes.get() != changesBeforeRead) {
            entries.remove(tokenHash, entry);
        }
    }

    /** The registry changed: every holder is forgotten, and none read before now is kept. */
    void forgetAll() {
        changes.incrementAndGet();
        entries.clear();
    }

    /**
     * This instance changed the registry: every holder is forgotten once the change is committed (at once outside a
     * transaction), so that the next request here reads the change. Forgetting before the commit would let a request
     * read and keep the state before it.
     */
    void changedHere() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetAll();
                }
            });
        } else {
            forgetAll();
        }
    }

    /** Whether every change to the registry reaches this instance from now on: holders may be kept only then. */
    void listening(boolean now) {
        if (now) {
            forgetAll();
            listening = true;
        } else {
            listening = false;
            forgetAll();
        }
    }
}
