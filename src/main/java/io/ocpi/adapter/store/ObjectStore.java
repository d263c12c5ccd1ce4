package io.ocpi.adapter.store;

import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.Pagination.Page;
import io.ocpi.adapter.protocol.Pagination.PageRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The OCPI object store: every object as the JSON we serve, keyed by {@link ObjectKey}, with {@code last_updated}
 * indexed for paginated, date-filtered lists. Holds our own objects and those peers push to us alike; who may see
 * or change what is decided by the module routes, not here.
 */
@Repository
public class ObjectStore {

    private final JdbcClient jdbc;

    public ObjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(ObjectKey key) {
        return jdbc.sql("SELECT body FROM ocpi_object WHERE module = ? AND country_code = ? AND party_id = ? AND object_id = ? AND object_type = ?")
                .params(key.module(), key.owner().countryCode(), key.owner().partyId(), key.id(), key.type())
                .query(String.class)
                .optional();
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
        if (update(key, lastUpdated, concerns, body)) {
            return false;
        }
        if (insert(key, lastUpdated, concerns, body)) {
            return true;
        }
        // Created by a concurrent request since our update: ours is the later write. The update waits for its lock.
        update(key, lastUpdated, concerns, body);
        return false;
    }

    /** Stores an object only if none has that key yet (CDRs are immutable). Returns true when it was stored. */
    public boolean putIfAbsent(ObjectKey key, Instant lastUpdated, Party concerns, String body) {
        return insert(key, lastUpdated, concerns, body);
    }

    public boolean delete(ObjectKey key) {
        return jdbc.sql("DELETE FROM ocpi_object WHERE module = ? AND country_code = ? AND party_id = ? AND object_id = ? AND object_type = ?")
                .params(key.module(), key.owner().countryCode(), key.owner().partyId(), key.id(), key.type())
                .update() > 0;
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
                        UPDATE ocpi_object SET last_updated = ?, for_country_code = ?, for_party_id = ?, body = ?
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
                        INSERT INTO ocpi_object (module, country_code, party_id, object_id, object_type, last_updated, for_country_code, for_party_id, body)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(key.module(), key.owner().countryCode(), key.owner().partyId(), key.id(), key.type(),
                        Timestamp.from(lastUpdated), concerns == null ? null : concerns.countryCode(),
                        concerns == null ? null : concerns.partyId(), body)
                .update() > 0;
    }
}
