package io.ocpi.adapter.store;

import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.store.AsyncRequest.Direction;
import io.ocpi.adapter.store.AsyncRequest.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Commands and charging-profile requests in SQL, in both directions. */
@Repository
public class AsyncRequests {

    private final JdbcClient jdbc;

    public AsyncRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param routing from the party that asked to the party asked */
    public String create(String module, Direction direction, String operation, long peerId, String request, String responseUrl,
                         RoutingHeaders routing) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO ocpi_async_request (id, module, direction, operation, peer_id, request, response_url, status, created_at, updated_at,
                                                        from_country_code, from_party_id, to_country_code, to_party_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, module, direction.name(), operation, peerId, request, responseUrl, Status.PENDING.name(), now, now,
                        routing.from().countryCode(), routing.from().partyId(), routing.to().countryCode(), routing.to().partyId())
                .update();
        return id;
    }

    public Optional<AsyncRequest> find(String id) {
        return jdbc.sql("SELECT * FROM ocpi_async_request WHERE id = ?").param(id).query(AsyncRequests::row).optional();
    }

    /** The immediate answer: accepted, the result is due within {@code timeoutSeconds}; refused, none will follow. */
    public void answered(String id, String response, boolean accepted, int timeoutSeconds) {
        answered(id, response, accepted ? Status.PENDING : Status.REFUSED, accepted ? Instant.now().plusSeconds(timeoutSeconds) : null);
    }

    /** The immediate answer; {@code deadline} is when the result is due (null when none will follow). */
    public void answered(String id, String response, Status status, Instant deadline) {
        jdbc.sql("UPDATE ocpi_async_request SET response = ?, status = ?, deadline = ?, updated_at = ? WHERE id = ?")
                .params(response, status.name(), deadline == null ? null : Timestamp.from(deadline), Timestamp.from(Instant.now()), id)
                .update();
    }

    /** Records the result, once: false when the request was already concluded. */
    public boolean concluded(String id, String result, Status status) {
        return jdbc.sql("UPDATE ocpi_async_request SET result = ?, status = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(result, status.name(), Timestamp.from(Instant.now()), id, Status.PENDING.name())
                .update() > 0;
    }

    /** Requests received from peers whose result is overdue. */
    public List<AsyncRequest> overdue(String module, Instant now) {
        return jdbc.sql("SELECT * FROM ocpi_async_request WHERE module = ? AND direction = ? AND status = ? AND deadline < ?")
                .params(module, Direction.RECEIVED.name(), Status.PENDING.name(), Timestamp.from(now))
                .query(AsyncRequests::row)
                .list();
    }

    private static AsyncRequest row(ResultSet rs, int n) throws SQLException {
        Timestamp deadline = rs.getTimestamp("deadline");
        return new AsyncRequest(rs.getString("id"), rs.getString("module"), Direction.valueOf(rs.getString("direction")),
                rs.getString("operation"), rs.getLong("peer_id"), rs.getString("request"), rs.getString("response_url"),
                rs.getString("response"), rs.getString("result"), Status.valueOf(rs.getString("status")),
                deadline == null ? null : deadline.toInstant(),
                new RoutingHeaders(party(rs, "from_country_code", "from_party_id"), party(rs, "to_country_code", "to_party_id")));
    }

    private static Party party(ResultSet rs, String countryColumn, String partyColumn) throws SQLException {
        String country = rs.getString(countryColumn);
        return country == null ? null : new Party(country, rs.getString(partyColumn));
    }
}
