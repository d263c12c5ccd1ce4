package io.ocpi.adapter.registry;

import io.ocpi.adapter.ocpi.BusinessDetails;
import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.Image;
import io.ocpi.adapter.ocpi.ImageCategory;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.registry.PeerRepository.Registration;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The party registry against the real database of an adapter (PostgreSQL in CI, H2 otherwise). */
class PeerRegistryTest {

    static AdapterInstance adapter;
    static PeerRepository peers;
    static PeerTokens tokens;
    static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        System.out.println("PeerRegistryTest runs on " + TestDatabase.kind());
        adapter = AdapterInstance.start("registry", "NL", "RG");
        peers = adapter.bean(PeerRepository.class);
        tokens = adapter.bean(PeerTokens.class);
        jdbc = adapter.bean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void issuedTokensAreStoredOnlyAsHashes() {
        long id = peers.create("hashes", PeerStatus.INVITED, TokenEncoding.BASE64);
        String token = tokens.issue(id, TokenScope.REGISTRATION, Duration.ofDays(1));

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM peer_token WHERE peer_id = ?").param(id).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values()).noneMatch(value -> String.valueOf(value).contains(token));
        assertThat(rows.get(0).get("token_hash")).isEqualTo(PeerTokens.hash(token));
        assertThat(tokens.holder(token)).hasValueSatisfying(holder -> {
            assertThat(holder.peer().id()).isEqualTo(id);
            assertThat(holder.scope()).isEqualTo(TokenScope.REGISTRATION);
        });
        assertThat(tokens.holder(token + "x")).isEmpty();
    }

    @Test
    void anExpiredInvitationNoLongerAuthenticates() {
        long id = peers.create("late", PeerStatus.INVITED, TokenEncoding.BASE64);
        String expired = tokens.issue(id, TokenScope.REGISTRATION, Duration.ofSeconds(-1));
        assertThat(tokens.holder(expired)).isEmpty();
        assertThat(adapter.ocpi("GET", "/ocpi/versions", expired, null).status()).isEqualTo(401);
    }

    @Test
    void aRegistrationReplacesRolesAndEndpoints() {
        long id = peers.create("roles", PeerStatus.REGISTERING, TokenEncoding.BASE64);
        String token = tokens.issue(id, TokenScope.FULL, null);
        assertThat(tokens.holder(token).orElseThrow().peer().roles()).isEmpty();
        BusinessDetails details = new BusinessDetails("Peer B.V.", "https://peer.example.com",
                new Image("https://peer.example.com/logo.png", null, ImageCategory.OPERATOR, "png", 512, 512));
        peers.saveRegistration(id, PeerStatus.REGISTERED, new Registration("https://peer.example.com/versions", "2.2.1", "their-token",
                TokenEncoding.PLAIN,
                List.of(new CredentialsRole(Role.CPO, details, "abc", "nl"), new CredentialsRole(Role.EMSP, details, "ABD", "NL")),
                List.of(new Endpoint("credentials", InterfaceRole.SENDER, "https://peer.example.com/credentials"),
                        new Endpoint("locations", InterfaceRole.SENDER, "https://peer.example.com/cpo/locations"),
                        new Endpoint("locations", InterfaceRole.RECEIVER, "https://peer.example.com/emsp/locations"),
                        new Endpoint("locations", InterfaceRole.RECEIVER, "https://peer.example.com/duplicate"))));

        Peer peer = peers.find(id).orElseThrow();
        assertThat(peer.status()).isEqualTo(PeerStatus.REGISTERED);
        assertThat(peer.connectionStatus()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(peer.tokenEncoding()).isEqualTo(TokenEncoding.PLAIN);
        assertThat(peer.outgoingToken()).isEqualTo("their-token");
        assertThat(peer.roles()).extracting(CredentialsRole::partyId).containsExactly("ABC", "ABD");
        assertThat(peer.roles().get(0).businessDetails()).isEqualTo(details);
        assertThat(peer.plays("nl", "abc")).isTrue();
        assertThat(peer.plays("DE", "ABC")).isFalse();
        assertThat(peer.endpoint("locations", InterfaceRole.RECEIVER)).contains("https://peer.example.com/emsp/locations");
        assertThat(peer.endpoints()).hasSize(3);
        assertThat(tokens.holder(token).orElseThrow().peer()).isEqualTo(peer);

        peers.saveRegistration(id, PeerStatus.REGISTERED, new Registration("https://peer.example.com/versions", "2.2.1", "newer",
                TokenEncoding.BASE64, List.of(new CredentialsRole(Role.CPO, details, "XYZ", "BE")),
                List.of(new Endpoint("credentials", InterfaceRole.SENDER, "https://peer.example.com/credentials"))));
        Peer updated = peers.find(id).orElseThrow();
        assertThat(updated.roles()).extracting(CredentialsRole::partyId).containsExactly("XYZ");
        assertThat(updated.endpoints()).hasSize(1);
        assertThat(tokens.holder(token).orElseThrow().peer()).isEqualTo(updated);

        // Another instance of the adapter unregisters the peer: the change reaches this one too, on PostgreSQL by a
        // notification that arrives shortly after the commit (on H2 every caller is read from the database).
        jdbc.sql("DELETE FROM peer_role WHERE peer_id = ?").param(id).update();
        jdbc.sql("UPDATE peer SET status = ?, updated_at = ? WHERE id = ?")
                .params(PeerStatus.UNREGISTERED.name(), Timestamp.from(updated.updatedAt().plusSeconds(1)), id).update();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            Peer elsewhere = tokens.holder(token).orElseThrow().peer();
            assertThat(elsewhere.status()).isEqualTo(PeerStatus.UNREGISTERED);
            assertThat(elsewhere.roles()).isEmpty();
            assertThat(elsewhere).isEqualTo(peers.find(id).orElseThrow());
        });
    }

    @Test
    void revokingKeepsOnlyTheNewestToken() {
        long id = peers.create("rotating", PeerStatus.REGISTERED, TokenEncoding.BASE64);
        String old = tokens.issue(id, TokenScope.FULL, null);
        String fresh = tokens.issue(id, TokenScope.FULL, null);
        assertThat(tokens.holder(old)).isPresent();
        tokens.revokeAllBut(id, fresh);
        assertThat(tokens.holder(old)).isEmpty();
        assertThat(tokens.holder(fresh)).isPresent();
        tokens.revokeAll(id);
        assertThat(tokens.holder(fresh)).isEmpty();
    }
}
