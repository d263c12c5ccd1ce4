package io.ocpi.adapter.push;

import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.push.OutboxItem.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox in SQL. Several adapter instances share it: an instance claims due items with row locks that others skip
 * ({@code FOR UPDATE SKIP LOCKED}) and a lease that others respect, so that no item goes out twice at once; only the
 * oldest pending item of an object is due, so that a peer gets the changes of one object in order.
 */
@Repository
public class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final long SLOW_CLAIM_MILLIS = 250;
    private static final java.time.Duration STATISTICS_RENEWED_AT_MOST_EVERY = java.time.Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean postgres;
    private final AtomicLong statisticsRenewedAt = new AtomicLong();

    public Outbox(JdbcClient jdbc, TransactionTemplate transaction, DataSource database) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        try (Connection connection = database.getConnection()) {
            this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database holds the outbox", e);
        }
    }

    /** Adds an item; call it inside the transaction of the change it carries. */
    public void add(long peerId, String module, String objectKey, String method, String path, String body, Party from, Party to) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO ocpi_outbox (peer_id, module, object_key, method, path, body, from_country_code, from_party_id,
                            to_country_code, to_party_id, status, attempts, next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(peerId, module, objectKey, method, path, body,
                        from == null ? null : from.countryCode(), from == null ? null : from.partyId(),
                        to == null ? null : to.countryCode(), to == null ? null : to.partyId(),
                        Status.PENDING.name(), now, now)
                .update();
    }

    /**
     * Adds an event for each of our routes that listen to it, in one statement (a CDR has three: billing, SAP, Kafka);
     * call it inside the transaction of the change it announces.
     */
    public void addEvent(List<String> routes, String module, String objectKey, String body, String headers) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object> params = new ArrayList<>();
        for (String route : routes) {
            Collections.addAll(params, route, headers, module, objectKey, body, Status.PENDING.name(), now, now);
        }
        jdbc.sql("""
                        INSERT INTO ocpi_outbox (route, headers, module, object_key, method, path, body, status, attempts,
                            next_attempt_at, created_at)
                        VALUES """ + String.join(", ", Collections.nCopies(routes.size(), "(?, ?, ?, ?, 'EVENT', '', ?, ?, 0, ?, ?)")))
                .params(params)
                .update();
    }

    /** Items claimed together, and when their lease ends. */
    public record Claim(List<OutboxItem> items, Instant leaseUntil) {
    }

    /**
     * Claims up to {@code limit} due items for this instance, for the length of the lease, leaving out the peers and
     * routes in {@code skipPeers} and {@code skipRoutes} (those this instance already holds enough of): of each object,
     * at most its oldest pending item.
     */
    public Claim claim(int limit, java.time.Duration lease, Collection<Long> skipPeers, Collection<String> skipRoutes) {
        return claim(limit, 1, lease, skipPeers, skipRoutes);
    }

    /**
     * Claims the due items of up to {@code objects} objects, as {@link #claim(int, java.time.Duration, Collection,
     * Collection)} does, and of each object up to {@code sequenceLength} items: its oldest pending item and the pending
     * items that follow it, in order, as far as they are due and not claimed. Whoever delivers them must deliver them
     * in that order and stop at the first that is not delivered, giving the rest back ({@link #release}).
     */
    public Claim claim(int objects, int sequenceLength, java.time.Duration lease, Collection<Long> skipPeers, Collection<String> skipRoutes) {
        long started = System.nanoTime();
        Claim claim = claimWithin(objects, sequenceLength, lease, skipPeers, skipRoutes);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        if (postgres && tookMillis >= SLOW_CLAIM_MILLIS) {
            renewStatistics(tookMillis);
        }
        return claim;
    }

    /**
     * A claim takes milliseconds at any size of the outbox, planned from current statistics. Planned from statistics
     * taken after a drain (the table's pages still there, no rows in them), once a backlog has come in again (a peer
     * back after an outage, a burst of CDRs), it takes seconds: the anti-joins then read every pending item once per
     * item claimed, whatever the planner is told. Autovacuum renews the statistics on its own schedule, a minute or
     * more later, meanwhile the backlog drains at a fraction of its pace; a slow claim renews them at once, at most once
     * in {@link #STATISTICS_RENEWED_AT_MOST_EVERY}.
     */
    private void renewStatistics(long tookMillis) {
        long now = System.nanoTime();
        long last = statisticsRenewedAt.get();
        boolean renewedLately = last != 0 && now - last < STATISTICS_RENEWED_AT_MOST_EVERY.toNanos();
        // Of claims slow at once on several threads, one renews them.
        if (renewedLately || !statisticsRenewedAt.compareAndSet(last, now)) {
            return;
        }
        LOG.info("an outbox claim took {} ms: renewing the outbox's statistics (ANALYZE)", tookMillis);
        try {
            jdbc.sql("ANALYZE ocpi_outbox").update();
        } catch (org.springframework.dao.DataAccessException e) {
            // The claim stands; autovacuum will renew them in its time.
            LOG.warn("the outbox's statistics could not be renewed: {}", e.getMessage());
        }
    }

    private Claim claimWithin(int limit, int sequenceLength, java.time.Duration lease, Collection<Long> skipPeers, Collection<String> skipRoutes) {
        return transaction.execute(tx -> {
            if (postgres) {
                // The outbox swings from empty to 100,000 items within seconds (a burst of CDRs, a peer back online),
                // faster than statistics follow: a plan made for an empty table scans the table once per item
                // (minutes). Index probes are right at every size, so the claim always uses them. The penalty this
                // puts on the plan's cost would otherwise make PostgreSQL compile the query (JIT), a second each time.
                jdbc.sql("SET LOCAL enable_seqscan = off").update();
                jdbc.sql("SET LOCAL jit = off").update();
            }
            Timestamp now = Timestamp.from(Instant.now());
            List<Object> params = new ArrayList<>();
            params.add(now);
            params.add(now);
            String skip = "";
            if (!skipPeers.isEmpty()) {
                skip += " AND (o.peer_id IS NULL OR o.peer_id NOT IN (" + placeholders(skipPeers.size()) + "))";
                params.addAll(skipPeers);
            }
            if (!skipRoutes.isEmpty()) {
                skip += " AND (o.route IS NULL OR o.route NOT IN (" + placeholders(skipRoutes.size()) + "))";
                params.addAll(skipRoutes);
            }
            params.add(limit);
            // An item waits for the older items of its object at the same destination: one NOT EXISTS per kind of
            // destination, so that each probes its own index (an OR of the two compares every pending item with
            // every other, seconds per claim with a backlog of 100,000).
            List<Head> heads = jdbc.sql("""
                            SELECT o.id, o.peer_id, o.route, o.object_key FROM ocpi_outbox o
                            WHERE o.status = 'PENDING' AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until < ?)
                              AND (o.peer_id IS NULL OR o.peer_id NOT IN (SELECT p.id FROM peer p WHERE p.connection_status = 'OFFLINE'))
                              AND NOT EXISTS (SELECT 1 FROM ocpi_outbox e WHERE e.peer_id = o.peer_id
                                              AND e.object_key = o.object_key AND e.status = 'PENDING' AND e.id < o.id)
                              AND NOT EXISTS (SELECT 1 FROM ocpi_outbox e WHERE e.route = o.route
                                              AND e.object_key = o.object_key AND e.status = 'PENDING' AND e.id < o.id)"""
                            + skip + """

                            ORDER BY o.id
                            FETCH FIRST ? ROWS ONLY
                            FOR UPDATE SKIP LOCKED""")
                    .params(params)
                    .query((rs, n) -> new Head(rs.getLong("id"), rs.getObject("peer_id") == null ? null : rs.getLong("peer_id"),
                            rs.getString("route"), rs.getString("object_key")))
                    .list();
            // Milliseconds, so that the lease reads back equal from any database (see release).
            Instant until = Instant.now().plus(lease).truncatedTo(ChronoUnit.MILLIS);
            if (heads.isEmpty()) {
                return new Claim(List.of(), until);
            }
            List<Long> ids = new ArrayList<>(heads.stream().map(Head::id).toList());
            if (sequenceLength > 1) {
                ids.addAll(followers(heads, sequenceLength - 1, now.toInstant()));
            }
            String claimed = placeholders(ids.size());
            List<Object> update = new ArrayList<>(ids.size() + 1);
            update.add(Timestamp.from(until));
            update.addAll(ids);
            jdbc.sql("UPDATE ocpi_outbox SET lease_until = ?, attempts = attempts + 1 WHERE id IN (" + claimed + ")").params(update).update();
            return new Claim(jdbc.sql("SELECT * FROM ocpi_outbox WHERE id IN (" + claimed + ") ORDER BY id").params(ids).query(Outbox::row).list(),
                    until);
        });
    }

    /**
     * Gives back items claimed with the lease ending at {@code leaseUntil} that were not tried after all: they are due
     * again at once, for any instance, and the claim does not count as an attempt. An item whose lease has already
     * passed to another instance is left alone.
     */
    public void release(Collection<Long> ids, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(ids.size() + 1);
        params.add(Timestamp.from(leaseUntil));
        params.addAll(ids);
        jdbc.sql("UPDATE ocpi_outbox SET lease_until = NULL, attempts = attempts - 1 WHERE status = 'PENDING' AND lease_until = ? AND id IN ("
                        + placeholders(ids.size()) + ")")
                .params(params)
                .update();
    }

    /** The oldest pending item of an object at one destination, claimed. */
    private record Head(long id, Long peerId, String route, String objectKey) {
    }

    /**
     * Of each claimed head, up to {@code count} pending items of its object and destination that follow it, as far as
     * they are due and not claimed: one query, a probe of the order index per head. The heads are locked by this
     * claim, so no other claim takes these items meanwhile (for any other claim they still wait for their head).
     */
    private List<Long> followers(List<Head> heads, int count, Instant now) {
        List<String> probes = new ArrayList<>(heads.size());
        List<Object> params = new ArrayList<>(heads.size() * 4);
        for (Head head : heads) {
            probes.add("(SELECT id, object_key, peer_id, route, next_attempt_at, lease_until FROM ocpi_outbox WHERE "
                    + (head.peerId() != null ? "peer_id" : "route") + " = ? AND object_key = ? AND status = 'PENDING' AND id > ?"
                    + " ORDER BY id FETCH FIRST ? ROWS ONLY)");
            Collections.addAll(params, head.peerId() != null ? head.peerId() : head.route(), head.objectKey(), head.id(), count);
        }
        record Follower(long id, String sequence, boolean free) {
        }
        List<Follower> found = jdbc.sql(String.join(" UNION ALL ", probes)).params(params)
                .query((rs, n) -> {
                    Timestamp lease = rs.getTimestamp("lease_until");
                    boolean free = !rs.getTimestamp("next_attempt_at").toInstant().isAfter(now) && (lease == null || lease.toInstant().isBefore(now));
                    return new Follower(rs.getLong("id"), rs.getString("peer_id") + "/" + rs.getString("route") + "/" + rs.getString("object_key"), free);
                })
                .list();
        // Each sequence ends before its first item that is not due, or claimed by someone else.
        List<Long> ids = new ArrayList<>();
        java.util.Set<String> ended = new java.util.HashSet<>();
        found.stream().sorted(java.util.Comparator.comparingLong(Follower::id)).forEach(follower -> {
            if (!follower.free()) {
                ended.add(follower.sequence());
            } else if (!ended.contains(follower.sequence())) {
                ids.add(follower.id());
            }
        });
        return ids;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Removes delivered items. */
    public void delivered(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM ocpi_outbox WHERE id IN (" + placeholders(ids.size()) + ")").params(List.copyOf(ids)).update();
    }

    public void retryAt(long id, Instant next, String error) {
        jdbc.sql("UPDATE ocpi_outbox SET next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ?")
                .params(Timestamp.from(next), truncate(error), id)
                .update();
    }

    public void dead(long id, String reason) {
        jdbc.sql("UPDATE ocpi_outbox SET status = 'DEAD', lease_until = NULL, last_error = ? WHERE id = ?")
                .params(truncate(reason), id)
                .update();
    }

    /** Puts a dead letter back in line, as new. Returns false when there is no such dead letter. */
    public boolean replay(long id) {
        return jdbc.sql("UPDATE ocpi_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, created_at = ?, lease_until = NULL WHERE id = ? AND status = 'DEAD'")
                .params(Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), id)
                .update() > 0;
    }

    /** Puts every dead letter of a peer (or of all peers, with null) back in line. Returns how many. */
    public int replayAll(Long peerId) {
        Timestamp now = Timestamp.from(Instant.now());
        return peerId == null
                ? jdbc.sql("UPDATE ocpi_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, created_at = ?, lease_until = NULL WHERE status = 'DEAD'")
                        .params(now, now).update()
                : jdbc.sql("UPDATE ocpi_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, created_at = ?, lease_until = NULL WHERE status = 'DEAD' AND peer_id = ?")
                        .params(now, now, peerId).update();
    }

    public Optional<OutboxItem> find(long id) {
        return jdbc.sql("SELECT * FROM ocpi_outbox WHERE id = ?").param(id).query(Outbox::row).optional();
    }

    /** Items of one status, oldest first, optionally of one peer. */
    public List<OutboxItem> list(Status status, Long peerId, int limit) {
        String sql = "SELECT * FROM ocpi_outbox WHERE status = ?" + (peerId == null ? "" : " AND peer_id = ?") + " ORDER BY id FETCH FIRST ? ROWS ONLY";
        return (peerId == null ? jdbc.sql(sql).params(status.name(), limit) : jdbc.sql(sql).params(status.name(), peerId, limit))
                .query(Outbox::row).list();
    }

    /** Per peer or route, and status: how many items, and since when the oldest waits. */
    public record Backlog(Long peerId, String route, Status status, long items, Instant oldest) {
    }

    public List<Backlog> backlog() {
        return jdbc.sql("""
                        SELECT peer_id, route, status, COUNT(*) AS items, MIN(created_at) AS oldest FROM ocpi_outbox
                        GROUP BY peer_id, route, status ORDER BY peer_id, route, status""")
                .query((rs, n) -> new Backlog(rs.getObject("peer_id") == null ? null : rs.getLong("peer_id"), rs.getString("route"),
                        Status.valueOf(rs.getString("status")), rs.getLong("items"), rs.getTimestamp("oldest").toInstant()))
                .list();
    }


    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private static OutboxItem row(ResultSet rs, int n) throws SQLException {
        String fromCountry = rs.getString("from_country_code");
        String toCountry = rs.getString("to_country_code");
        return new OutboxItem(rs.getLong("id"), rs.getObject("peer_id") == null ? null : rs.getLong("peer_id"), rs.getString("route"),
                rs.getString("headers"), rs.getString("module"), rs.getString("object_key"),
                rs.getString("method"), rs.getString("path"), rs.getString("body"),
                fromCountry == null ? null : new Party(fromCountry, rs.getString("from_party_id")),
                toCountry == null ? null : new Party(toCountry, rs.getString("to_party_id")),
                Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("last_error"), rs.getTimestamp("created_at").toInstant());
    }
}
