package io.ocpi.adapter.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The credentials tokens we issue to peers. A token is shown once, when issued, and stored only as its SHA-256
 * hash. Looking a presented token up by its hash also means no stored secret is ever compared byte by byte.
 */
@Component
public class PeerTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a presented token belongs to, and what it may reach. */
    public record Holder(Peer peer, TokenScope scope) {
    }

    private final JdbcClient jdbc;
    private final PeerRepository peers;
    private final HolderCache holders;

    public PeerTokens(JdbcClient jdbc, PeerRepository peers, HolderCache holders) {
        this.jdbc = jdbc;
        this.peers = peers;
        this.holders = holders;
    }

    /** A new token for the peer: 32 random bytes, Base64url, 43 printable ASCII characters. */
    public String issue(long peerId, TokenScope scope, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO peer_token (token_hash, peer_id, scope, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(hash(token), peerId, scope.name(), Timestamp.from(now),
                        validity == null ? null : Timestamp.from(now.plus(validity)))
                .update();
        holders.changedHere();
        return token;
    }

    /** Who holds a presented token, unless it is unknown, revoked or expired. */
    public Optional<Holder> holder(String token) {
        return peers.holderOf(hash(token));
    }

    public void revoke(String token) {
        jdbc.sql("DELETE FROM peer_token WHERE token_hash = ?").param(hash(token)).update();
        holders.changedHere();
    }

    /** Revokes every token of the peer but the one given (the one it has just been handed). */
    public void revokeAllBut(long peerId, String keep) {
        jdbc.sql("DELETE FROM peer_token WHERE peer_id = ? AND token_hash <> ?").params(peerId, hash(keep)).update();
        holders.changedHere();
    }

    /** Counts a registration with this token A that failed; answers whether that was its last allowed, and revokes it. */
    public boolean failedRegistration(String token, int maxFailures) {
        jdbc.sql("UPDATE peer_token SET failed_registrations = failed_registrations + 1 WHERE token_hash = ?").param(hash(token)).update();
        boolean revoked = jdbc.sql("DELETE FROM peer_token WHERE token_hash = ? AND failed_registrations >= ?").params(hash(token), maxFailures).update() > 0;
        holders.changedHere();
        return revoked;
    }

    public void revokeAll(long peerId) {
        jdbc.sql("DELETE FROM peer_token WHERE peer_id = ?").param(peerId).update();
        holders.changedHere();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
