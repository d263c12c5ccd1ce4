package io.ocpi.adapter.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class HolderCacheTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HolderCache cache = new HolderCache(meters);
    private final PeerTokens.Holder holder = new PeerTokens.Holder(peer(), TokenScope.FULL);

    @BeforeEach
    void listening() {
        cache.listening(true);
    }

    @Test
    void aHolderReadIsAnsweredFromMemoryAfterwards() {
        assertThat(cache.get("h", NOW)).isEmpty();
        cache.put("h", holder, null, cache.changesHeard());

        assertThat(cache.get("h", NOW)).contains(holder);
        assertThat(cache.get("other", NOW)).isEmpty();
        assertThat(meters.counter("ocpi.caller.lookups", "source", "memory").count()).isEqualTo(1);
        assertThat(meters.counter("ocpi.caller.lookups", "source", "database").count()).isEqualTo(2);
    }

    @Test
    void anExpiredTokenIsNotAnsweredFromTheMomentItExpires() {
        Instant expiresAt = NOW.plusSeconds(60);
        cache.put("h", holder, expiresAt, cache.changesHeard());

        assertThat(cache.get("h", expiresAt.minusMillis(1))).contains(holder);
        assertThat(cache.get("h", expiresAt)).isEmpty();
        assertThat(cache.get("h", expiresAt.minus(Duration.ofSeconds(1)))).as("forgotten once expired").isEmpty();
    }

    @Test
    void aChangeForgetsEveryHolder() {
        cache.put("h", holder, null, cache.changesHeard());
        cache.put("i", holder, null, cache.changesHeard());

        cache.forgetAll();

        assertThat(cache.get("h", NOW)).isEmpty();
        assertThat(cache.get("i", NOW)).isEmpty();
    }

    @Test
    void aHolderReadBeforeAChangeIsNotKept() {
        long beforeRead = cache.changesHeard();
        cache.forgetAll();
        cache.put("h", holder, null, beforeRead);

        assertThat(cache.get("h", NOW)).isEmpty();
    }

    @Test
    void nothingIsKeptWhileNotListening() {
        cache.put("h", holder, null, cache.changesHeard());
        cache.listening(false);
        assertThat(cache.get("h", NOW)).as("forgotten when the connection is lost").isEmpty();

        cache.put("h", holder, null, cache.changesHeard());
        assertThat(cache.get("h", NOW)).isEmpty();

        long readWhileDeaf = cache.changesHeard();
        cache.listening(true);
        cache.put("h", holder, null, readWhileDeaf);
        assertThat(cache.get("h", NOW)).as("a read from before listening again is not kept").isEmpty();
    }

    @Test
    void aChangeMadeHereInATransactionIsForgottenOnceItEnds() {
        cache.put("h", holder, null, cache.changesHeard());
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.changedHere();
            assertThat(cache.get("h", NOW)).as("not before the commit").contains(holder);
            List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
            synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(cache.get("h", NOW)).isEmpty();
    }

    @Test
    void aChangeMadeHereOutsideATransactionIsForgottenAtOnce() {
        cache.put("h", holder, null, cache.changesHeard());
        cache.changedHere();
        assertThat(cache.get("h", NOW)).isEmpty();
    }

    private static Peer peer() {
        return new Peer(1, "peer", PeerStatus.REGISTERED, ConnectionStatus.CONNECTED, null, null, TokenEncoding.BASE64, null,
                List.of(), List.of(), NOW, NOW, false, null, null);
    }
}
