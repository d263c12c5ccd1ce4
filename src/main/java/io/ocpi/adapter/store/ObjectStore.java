package io.ocpi.adapter.store;

import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.Pagination.Page;
import io.ocpi.adapter.protocol.Pagination.PageRequest;
import io.ocpi.adapter.protocol.Platform;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OCPI object store: every object as the JSON we serve, keyed by {@link ObjectKey}, with {@code last_updated}
 * indexed for paginated, date-filtered lists. Holds our own objects and those peers push to us alike; who may see
 * or change what is decided by the module routes, not here.
 * <p>
 * Each write of an object of one of our own parties is stamped with a change number and counted per module and owner
 * ({@link #versions}) in its transaction, so that Sender lists held in memory see it on every instance at once.
 */
@Repository
public class ObjectStore {

    /** How many changes and deletes the objects of one module and owner have seen: a reader compares them. */
    public record Version(String module, Party owner, long changes, long deletes) {
    }

    /** A stored object as a Sender list holds it: its key's id and type, its order and filters, its change number. */
    public record StoredObject(String id, String type, Instant lastUpdated, Party concerns, long change, String body) {
    }

    /** A stored object and the type of its key. */
    public record TypedBody(String type, String body) {
    }

    private final JdbcClient jdbc;
    private final Platform platform;
    private final TransactionTemplate transaction;

    public ObjectStore(JdbcClient jdbc, Platform platform, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.transaction = transaction;
    }

    public Optional<String> find(ObjectKey key) {
        return jdbc.sql("SELECT body FROM ocpi_object WHERE module = ? AND country_code = ? AND party_id = ? AND object_id = ? AND object_type = ?")
                .params(key.module(), key.owner().countryCode(), key.owner().partyId(), key.id(), key.type())
                .query(String.class)
                .optional();
    }

    /**
     * The object of {@code module} with this id that one of {@code owners} holds under one of {@code types}, in one
     * query: where several are stored, the one of the type listed first, then of the owner listed first.
     */
    public Optional<TypedBody> findFirst(String module, List<Party> owners, String id, List<String> types) {
        if (owners.isEmpty() || types.isEmpty()) {
            return Optional.empty();
        }
        List<Object> params = new ArrayList<>();
        params.add(module);
        params.add(id.toUpperCase(java.util.Locale.ROOT));
        params.addAll(types);
        String anyType = String.join(", ", java.util.Collections.nCopies(types.size(), "?"));
        String anyOwner = anyOf("country_code", "party_id", owners, params);
        record Found(TypedBody object, int typeRank, int ownerRank) {
        }
        return jdbc.sql("SELECT object_type, country_code, party_id, body FROM ocpi_object WHERE module = ? AND object_id = ?"
                        + " AND object_type IN (" + anyType + ") AND (" + anyOwner + ")")
                .params(params)
                .query((row, i) -> new Found(new TypedBody(row.getString(1), row.getString(4)), types.indexOf(row.getString(1)),
                        owners.indexOf(new Party(row.getString(2), row.getString(3)))))
                .list().stream()
                .min(java.util.Comparator.comparingInt(Found::typeRank).thenComparingInt(Found::ownerRank))
                .map(Found::object);
    }

    /** Every stored object of a module with this id (and type), whoever owns it: for tokens, looked up by uid alone. */
    public List<String> findById(String module, String id, String type) {
        return jdbc.sql("SELECT body FROM ocpi_object WHERE module = ? AND object_id = ? AND object_type = ? ORDER BY last_updated DESC")
                .params(module, id.toUpperCase(java.util.Locale.ROOT), type == null ? "" : type)
                .query(String.class)
                .list();
    }

    /** The same, locking the row until the transaction ends: for read-modify-write (PATCH, nested PUT). */
    public Optional<String> findForUpdate(ObjectKey key) {
        return jdbc.sql("SELECT body FROM ocpi_object WHERE module = ? AND country_code = ? AND party_id = ? AND object_id = ? AND object_type = ? FOR UPDATE")
                .params(key.module(), key.owner().countryCode(), key.owner().partyId(), key.id(), key.type())
                .query(String.class)
                .optional();
    }

    /**
     * Creates or replaces an object. Returns true when it was created.
     *
     * @param concerns for sessions and CDRs, the eMSP they concern; null otherwise
     */
    public boolean put(ObjectKey key, Instant lastUpdated, Party concerns, String body) {
        return inTransaction(() -> {
            counted(key, false);
            if (update(key, lastUpdated, concerns, body)) {
                return false;
            }
            if (insert(key, lastUpdated, concerns, body)) {
                return true;
            }
            // Created by a concurrent request since our update: ours is the later write. The update waits for its lock.
            update(key, lastUpdated, concerns, body);
            return false;
        });
    }

    /** Stores an object only if none has that key yet (CDRs are immutable). Returns true when it was stored. */
    public boolean putIfAbsent(ObjectKey key, Instant lastUpdated, Party concerns, String body) {
        return inTransaction(() -> {
            counted(key, false);
            return insert(key, lastUpdated, concerns, body);
        });
    }

    public boolean delete(ObjectKey key) {
        return inTransaction(() -> {
            counted(key, true);
            return jdbc.sql("DELETE FROM ocpi_object WHERE module = ? AND country_code = ? AND party_id = ? AND object_id = ? AND object_type = ?")
                    .params(key.module(), key.owner().countryCode(), key.owner().partyId(), key.id(), key.type())
                    .update() > 0;
        });
    }

    /** The counts of changes and deletes of every module and owner written since they were first counted. */
    public List<Version> versions() {
        return jdbc.sql("SELECT module, country_code, party_id, changes, deletes FROM ocpi_object_version")
                .query((rs, row) -> new Version(rs.getString(1), new Party(rs.getString(2), rs.getString(3)), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** The objects of a module and owner written with a change number above {@code change}; all of them with -1. */
    public List<StoredObject> changedSince(String module, Party owner, long change) {
        return jdbc.sql("""
                        SELECT object_id, object_type, last_updated, for_country_code, for_party_id, change_seq, body FROM ocpi_object
                        WHERE module = ? AND country_code = ? AND party_id = ? AND change_seq > ?""")
                .params(module, owner.countryCode(), owner.partyId(), change)
                .query((rs, row) -> new StoredObject(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4) == null ? null : new Party(rs.getString(4), rs.getString(5)), rs.getLong(6), rs.getString(7)))
                .list();
    }

    /** The keys of every object of a module and owner, as their id and type. */
    public List<List<String>> keys(String module, Party owner) {
        return jdbc.sql("SELECT object_id, object_type FROM ocpi_object WHERE module = ? AND country_code = ? AND party_id = ?")
                .params(module, owner.countryCode(), owner.partyId())
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** How many objects of a module the {@code owners} have. */
    public long count(String module, Collection<Party> owners) {
        if (owners.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>();
        params.add(module);
        String any = anyOf("country_code", "party_id", owners, params);
        return jdbc.sql("SELECT COUNT(*) FROM ocpi_object WHERE module = ? AND (" + any + ")").params(params).query(Long.class).single();
    }

    /**
     * Counts a write of one of our own parties' objects in the row of its module and owner, before the write itself:
     * the row stays locked until the transaction ends, so that the writes of one owner take their change numbers in
     * the order they commit.
     */
    private void counted(ObjectKey key, boolean delete) {
        if (!platform.isOurs(key.owner())) {
            return;
        }
        String bump = "UPDATE ocpi_object_version SET changes = changes + 1, deletes = deletes + ? "
                + "WHERE module = ? AND country_code = ? AND party_id = ?";
        Object[] params = {delete ? 1 : 0, key.module(), key.owner().countryCode(), key.owner().partyId()};
        if (jdbc.sql(bump).params(params).update() > 0) {
            return;
        }
        int inserted = jdbc.sql("""
                        INSERT INTO ocpi_object_version (module, country_code, party_id, changes, deletes)
                        VALUES (?, ?, ?, 1, ?) ON CONFLICT DO NOTHING""")
                .params(key.module(), key.owner().countryCode(), key.owner().partyId(), delete ? 1 : 0)
                .update();
        if (inserted == 0) {
            // Counted by a concurrent write since our update: the update now waits for its lock.
            jdbc.sql(bump).params(params).update();
        }
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transaction.execute(tx -> work.get());
    }

    /**
     * One page of a module's objects owned by any of {@code owners}, oldest change first (the order the spec advises,
     * stable while a client walks the pages).
     *
     * @param concerns when not null, only the sessions or CDRs that concern one of these eMSPs
     */
    public Page<String> page(String module, Collection<Party> owners, Collection<Party> concerns, PageRequest request) {
        if (owners.isEmpty()) {
            return new Page<>(List.of(), 0);
        }
        List<Object> params = new ArrayList<>();
        String where = where(module, owners, concerns, request, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM ocpi_object WHERE " + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(request.offset());
        pageParams.add(request.limit());
        // The page's keys first, from the index alone; then the bodies of those rows only, not of every row skipped.
        List<String> bodies = jdbc.sql("""
                        SELECT o.body FROM ocpi_object o
                        JOIN (SELECT module, country_code, party_id, object_id, object_type, last_updated FROM ocpi_object
                              WHERE %s
                              ORDER BY last_updated, country_code, party_id, object_id, object_type
                              OFFSET ? ROWS FETCH NEXT ? ROWS ONLY) page
                          ON o.module = page.module AND o.country_code = page.country_code AND o.party_id = page.party_id
                         AND o.object_id = page.object_id AND o.object_type = page.object_type
                        ORDER BY page.last_updated, page.country_code, page.party_id, page.object_id, page.object_type"""
                        .formatted(where))
                .params(pageParams)
                .query(String.class)
                .list();
        return new Page<>(bodies, total);
    }

    private static String where(String module, Collection<Party> owners, Collection<Party> concerns, PageRequest request,
                                List<Object> params) {
        StringBuilder where = new StringBuilder("module = ?");
        params.add(module);
        where.append(" AND (").append(anyOf("country_code", "party_id", owners, params)).append(')');
        if (concerns != null) {
            where.append(" AND (").append(anyOf("for_country_code", "for_party_id", concerns, params)).append(')');
        }
        if (request.dateFrom() != null) {
            where.append(" AND last_updated >= ?");
            params.add(Timestamp.from(request.dateFrom()));
        }
        if (request.dateTo() != null) {
            where.append(" AND last_updated < ?");
            params.add(Timestamp.from(request.dateTo()));
        }
        return where.toString();
    }

    private static String anyOf(String countryColumn, String partyColumn, Collection<Party> parties, List<Object> params) {
        if (parties.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder any = new StringBuilder();
        for (Party party : parties) {
            any.append(any.isEmpty() ? "" : " OR ").append('(').append(countryColumn).append(" = ? AND ").append(partyColumn).append(" = ?)");
            params.add(party.countryCode());
            params.add(party.partyId());
        }
        return any.toString();
    }

    private boolean update(ObjectKey key, Instant lastUpdated, Party concerns, String body) {
        return jdbc.sql("""
                        UPDATE ocpi_object SET last_updated = ?, for_country_code = ?, for_party_id = ?, body = ?,
                               change_seq = nextval('ocpi_object_change')
                        WHERE module = ? AND country_code = ? AND party_id = ? AND object_id = ? AND object_type = ?""")
                .params(Timestamp.from(lastUpdated), concerns == null ? null : concerns.countryCode(),
                        concerns == null ? null : concerns.partyId(), body,
                        key.module(), key.owner().countryCode(), key.owner().partyId(), key.id(), key.type())
                .update() > 0;
    }

    /**
     * Inserts unless the key exists. ON CONFLICT rather than catching a duplicate key: on PostgreSQL a failed INSERT
     * aborts the whole transaction, and with it the outbox rows written beside the object.
     */
    private boolean insert(ObjectKey key, Instant lastUpdated, Party concerns, String body) {
        return jdbc.sql("""
                        INSERT INTO ocpi_object (module, country_code, party_id, object_id, object_type, last_updated, for_country_code,
                                                 for_party_id, body, change_seq)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('ocpi_object_change')) ON CONFLICT DO NOTHING""")
                .params(key.module(), key.owner().countryCode(), key.owner().partyId(), key.id(), key.type(),
                        Timestamp.from(lastUpdated), concerns == null ? null : concerns.countryCode(),
                        concerns == null ? null : concerns.partyId(), body)
                .update() > 0;
    }
}
