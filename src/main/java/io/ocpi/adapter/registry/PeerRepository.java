package io.ocpi.adapter.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.ocpi.BusinessDetails;
import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The party registry in SQL: peers with their roles and advertised endpoints. */
@Repository
public class PeerRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final HolderCache holders;
    /**
     * The roles and endpoints last read for each peer, with the {@code updated_at} of its row then. They are only
     * written together with that column ({@link #saveRegistration}), so while the row read says the same, they are
     * still what the database holds. Every read of a peer (each request's caller, each push) is then one query.
     */
    private final Map<Long, Details> details = new ConcurrentHashMap<>();

    private record Details(Instant updatedAt, List<CredentialsRole> roles, List<Endpoint> endpoints) {
    }

    public PeerRepository(JdbcClient jdbc, ObjectMapper json, HolderCache holders) {
        this.jdbc = jdbc;
        this.json = json;
        this.holders = holders;
    }

    /** What the handshake learnt about a peer; replaces everything known before. */
    public record Registration(String versionsUrl, String version, String outgoingToken, TokenEncoding tokenEncoding,
                               List<CredentialsRole> roles, List<Endpoint> endpoints) {

        @Override
        public String toString() {
            return "Registration[versionsUrl=" + versionsUrl + ", version=" + version + ", outgoingToken=<hidden>, tokenEncoding="
                    + tokenEncoding + ", roles=" + roles + ", endpoints=" + endpoints + "]";
        }
    }

    public long create(String name, PeerStatus status, TokenEncoding encoding) {
        Timestamp now = Timestamp.from(Instant.now());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO peer (name, status, connection_status, token_encoding, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(name, status.name(), ConnectionStatus.PLANNED.name(), encoding.name(), now, now)
                .update(keys, "id");
        holders.changedHere();
        return keys.getKey().longValue();
    }

    public Optional<Peer> find(long id) {
        return jdbc.sql("SELECT * FROM peer WHERE id = ?").param(id).query(this::peerRow).optional().map(this::withKnownDetails);
    }

    /**
     * The peer holding the unexpired token with this hash, and the token's scope: asked at every OCPI request. Answered
     * from {@link HolderCache} while this instance hears of every change to the registry, else in one query. Either
     * way a revoked or replaced token, a removed or unregistered peer and a changed status are refused by every
     * instance as soon as the change is committed (on another instance, once PostgreSQL's notification of it has
     * arrived), and an expired token from the moment it expires.
     */
    public Optional<PeerTokens.Holder> holderOf(String tokenHash) {
        Instant now = Instant.now();
        Optional<PeerTokens.Holder> known = holders.get(tokenHash, now);
        if (known.isPresent()) {
            return known;
        }
        long changesBeforeRead = holders.changesHeard();
        Optional<HeldToken> read = jdbc.sql("""
                        SELECT p.*, t.scope AS token_scope, t.expires_at AS token_expires_at
                        FROM peer_token t JOIN peer p ON p.id = t.peer_id
                        WHERE t.token_hash = ? AND (t.expires_at IS NULL OR t.expires_at > ?)""")
                .params(tokenHash, Timestamp.from(now))
                .query((rs, n) -> new HeldToken(new PeerTokens.Holder(peerRow(rs, n), TokenScope.valueOf(rs.getString("token_scope"))),
                        rs.getTimestamp("token_expires_at") == null ? null : rs.getTimestamp("token_expires_at").toInstant()))
                .optional();
        return read.map(held -> {
            PeerTokens.Holder holder = new PeerTokens.Holder(withKnownDetails(held.holder().peer()), held.holder().scope());
            holders.put(tokenHash, holder, held.expiresAt(), changesBeforeRead);
            return holder;
        });
    }

    private record HeldToken(PeerTokens.Holder holder, Instant expiresAt) {
    }

    public List<Peer> findAll() {
        return jdbc.sql("SELECT * FROM peer ORDER BY id").query(this::peerRow).list().stream().map(this::withKnownDetails).toList();
    }

    /** The registered peer that plays this party (country code and party id), if any. */
    public Optional<Peer> findRegistered(io.ocpi.adapter.ocpi.Party party) {
        return jdbc.sql("SELECT DISTINCT p.id FROM peer p JOIN peer_role r ON r.peer_id = p.id WHERE p.status = ? AND r.country_code = ? AND r.party_id = ?")
                .params(PeerStatus.REGISTERED.name(), party.countryCode(), party.partyId())
                .query(Long.class)
                .list().stream().findFirst()
                .flatMap(this::find);
    }

    @Transactional
    public void saveRegistration(long id, PeerStatus status, Registration registration) {
        jdbc.sql("""
                UPDATE peer SET status = ?, connection_status = ?, versions_url = ?, ocpi_version = ?, outgoing_token = ?,
                    token_encoding = ?, updated_at = ?
                WHERE id = ?""")
                .params(status.name(), ConnectionStatus.CONNECTED.name(), registration.versionsUrl(), registration.version(),
                        registration.outgoingToken(), registration.tokenEncoding().name(), Timestamp.from(Instant.now()), id)
                .update();
        jdbc.sql("DELETE FROM peer_role WHERE peer_id = ?").param(id).update();
        for (CredentialsRole role : registration.roles()) {
            jdbc.sql("INSERT INTO peer_role (peer_id, party_role, country_code, party_id, business_details) VALUES (?, ?, ?, ?, ?)")
                    .params(id, role.role().name(), role.countryCode().toUpperCase(Locale.ROOT),
                            role.partyId().toUpperCase(Locale.ROOT), toJson(role.businessDetails()))
                    .update();
        }
        details.remove(id);
        jdbc.sql("DELETE FROM peer_endpoint WHERE peer_id = ?").param(id).update();
        Map<String, Endpoint> unique = new LinkedHashMap<>();
        registration.endpoints().forEach(e -> unique.putIfAbsent(e.identifier() + "/" + e.role(), e));
        for (Endpoint endpoint : unique.values()) {
            jdbc.sql("INSERT INTO peer_endpoint (peer_id, module, interface_role, url) VALUES (?, ?, ?, ?)")
                    .params(id, endpoint.identifier(), endpoint.role().name(), endpoint.url())
                    .update();
        }
        holders.changedHere();
    }

    public void setStatus(long id, PeerStatus status, ConnectionStatus connectionStatus) {
        jdbc.sql("UPDATE peer SET status = ?, connection_status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), connectionStatus.name(), Timestamp.from(Instant.now()), id)
                .update();
        holders.changedHere();
    }

    /** Whether refusals of the peer's requests at the OCPI layer get an HTTP error rather than HTTP 200 (see {@link Peer}). */
    public void setHttpErrorsForRefusals(long id, boolean httpErrors) {
        int updated = jdbc.sql("UPDATE peer SET http_errors_for_refusals = ?, updated_at = ? WHERE id = ?")
                .params(httpErrors, Timestamp.from(Instant.now()), id)
                .update();
        holders.changedHere();
        if (updated == 0) {
            throw new IllegalArgumentException("no peer with id " + id);
        }
    }

    /**
     * The terms the operator set for a peer: the OCPI version to speak with it (null: the highest both speak) and
     * the role of ours an OCPI 2.1.1 peer trades with (null: none named).
     */
    public void setTerms(long id, VersionNumber pinnedVersion, Role ourRole) {
        int updated = jdbc.sql("UPDATE peer SET pinned_version = ?, our_role = ?, updated_at = ? WHERE id = ?")
                .params(pinnedVersion == null ? null : pinnedVersion.text(), ourRole == null ? null : ourRole.name(),
                        Timestamp.from(Instant.now()), id)
                .update();
        holders.changedHere();
        if (updated == 0) {
            throw new IllegalArgumentException("no peer with id " + id);
        }
    }

    public void setTokenEncoding(long id, TokenEncoding encoding) {
        int updated = jdbc.sql("UPDATE peer SET token_encoding = ?, updated_at = ? WHERE id = ?")
                .params(encoding.name(), Timestamp.from(Instant.now()), id)
                .update();
        holders.changedHere();
        if (updated == 0) {
            throw new IllegalArgumentException("no peer with id " + id);
        }
    }

    /** Forgets everything we would use to call the peer; its roles stay for the record. */
    public void clearOutgoing(long id) {
        jdbc.sql("UPDATE peer SET outgoing_token = NULL, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now()), id)
                .update();
        holders.changedHere();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM peer WHERE id = ?").param(id).update();
        details.remove(id);
        holders.changedHere();
    }

    private Peer peerRow(ResultSet rs, int row) throws SQLException {
        return new Peer(
                rs.getLong("id"),
                rs.getString("name"),
                PeerStatus.valueOf(rs.getString("status")),
                ConnectionStatus.valueOf(rs.getString("connection_status")),
                rs.getString("versions_url"),
                rs.getString("ocpi_version"),
                TokenEncoding.valueOf(rs.getString("token_encoding")),
                rs.getString("outgoing_token"),
                List.of(),
                List.of(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getBoolean("http_errors_for_refusals"),
                rs.getString("pinned_version") == null ? null : VersionNumber.of(rs.getString("pinned_version")).orElse(null),
                rs.getString("our_role") == null ? null : Role.valueOf(rs.getString("our_role")));
    }

    private Peer withKnownDetails(Peer peer) {
        Details known = details.get(peer.id());
        if (known == null || !known.updatedAt().equals(peer.updatedAt())) {
            Peer read = withDetails(peer);
            details.put(peer.id(), new Details(read.updatedAt(), read.roles(), read.endpoints()));
            return read;
        }
        return peer.withDetails(known.roles(), known.endpoints());
    }

    private Peer withDetails(Peer peer) {
        List<CredentialsRole> roles = jdbc.sql("SELECT * FROM peer_role WHERE peer_id = ? ORDER BY party_role, country_code, party_id")
                .param(peer.id())
                .query((rs, n) -> new CredentialsRole(
                        Role.valueOf(rs.getString("party_role")),
                        fromJson(rs.getString("business_details")),
                        rs.getString("party_id"),
                        rs.getString("country_code")))
                .list();
        List<Endpoint> endpoints = jdbc.sql("SELECT * FROM peer_endpoint WHERE peer_id = ? ORDER BY module, interface_role")
                .param(peer.id())
                .query((rs, n) -> new Endpoint(rs.getString("module"), InterfaceRole.valueOf(rs.getString("interface_role")), rs.getString("url")))
                .list();
        return peer.withDetails(roles, endpoints);
    }

    private String toJson(BusinessDetails details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BusinessDetails fromJson(String text) {
        try {
            return json.readValue(text, BusinessDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable business details in peer_role: " + e.getOriginalMessage(), e);
        }
    }
}
