package io.ocpi.adapter.modules.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two whole adapters on loopback, each a CPO and an eMSP, run the credentials handshake over real HTTP in both
 * directions, then update and unregister, the way two roaming platforms would.
 */
class HandshakeTest {

    static AdapterInstance north;
    static AdapterInstance south;

    @BeforeAll
    static void start() {
        System.out.println("HandshakeTest runs on " + TestDatabase.kind());
        north = AdapterInstance.start("north", "NL", "NO");
        south = AdapterInstance.start("south", "DE", "SO");
    }

    @AfterAll
    static void stop() {
        if (north != null) {
            north.close();
        }
        if (south != null) {
            south.close();
        }
    }

    @Test
    void peersRegisterRotateAndUnregisterInBothDirections() {
        // North invites south; south's operator registers with north's versions URL and token A.
        String tokenA = north.invite("south");
        north.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(200);

        Reply registered = south.admin("POST", "/peers", Map.of("url", north.versionsUrl(), "token", tokenA, "name", "north"));
        registered.assertStatus(200);
        JsonNode northAtSouth = registered.json();
        assertThat(northAtSouth.get("status").asText()).isEqualTo("REGISTERED");
        // Both speak 2.1.1, 2.2.1 and 2.3.0: the highest is chosen.
        assertThat(northAtSouth.get("version").asText()).isEqualTo("2.3.0");
        assertThat(northAtSouth.get("roles")).extracting(r -> r.get("party_id").asText()).containsExactly("NOC", "NOE");
        assertThat(northAtSouth.get("endpoints").toString()).contains(north.baseUrl() + "/ocpi/2.3.0/credentials");

        JsonNode southAtNorth = onlyPeer(north);
        assertThat(southAtNorth.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(southAtNorth.get("roles")).extracting(r -> r.get("party_id").asText()).containsExactly("SOC", "SOE");
        assertThat(southAtNorth.get("versions_url").asText()).isEqualTo(south.versionsUrl());

        // Token A is void once used; each side now calls the other with the token it was handed.
        north.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(401);
        String tokenC = outgoingToken(south, "north");
        String tokenB = outgoingToken(north, "south");
        assertThat(north.ocpi("GET", "/ocpi/versions", tokenC, null).assertStatus(200).ocpiStatus()).isEqualTo(1000);
        assertThat(south.ocpi("GET", "/ocpi/2.2.1", tokenB, null).assertStatus(200).data().get("version").asText()).isEqualTo("2.2.1");

        // GET credentials answers the caller's own token with our URL and roles.
        JsonNode credentials = north.ocpi("GET", "/ocpi/2.2.1/credentials", tokenC, null).assertStatus(200).data();
        assertThat(credentials.get("token").asText()).isEqualTo(tokenC);
        assertThat(credentials.get("url").asText()).isEqualTo(north.versionsUrl());

        // A second registration is refused with 405.
        Reply again = north.ocpi("POST", "/ocpi/2.2.1/credentials", tokenC,
                Map.of("token", "another", "url", south.versionsUrl(), "roles", south.bean(io.ocpi.adapter.config.OcpiProperties.class).roles()));
        assertThat(again.status()).isEqualTo(405);
        assertThat(again.ocpiStatus()).isBetween(2000, 2999);

        // South rotates: a credentials PUT to north. Both old tokens stop working, the new ones work.
        long northId = peerId(south, "north");
        south.admin("POST", "/peers/" + northId + "/rotate-token", null).assertStatus(200);
        String newTokenC = outgoingToken(south, "north");
        String newTokenB = outgoingToken(north, "south");
        assertThat(newTokenC).isNotEqualTo(tokenC);
        assertThat(newTokenB).isNotEqualTo(tokenB);
        north.ocpi("GET", "/ocpi/versions", tokenC, null).assertStatus(401);
        south.ocpi("GET", "/ocpi/versions", tokenB, null).assertStatus(401);
        north.ocpi("GET", "/ocpi/versions", newTokenC, null).assertStatus(200);
        south.ocpi("GET", "/ocpi/versions", newTokenB, null).assertStatus(200);
        assertThat(onlyPeer(north).get("status").asText()).isEqualTo("REGISTERED");

        // South unregisters: a credentials DELETE to north. Neither may call the other any more.
        south.admin("DELETE", "/peers/" + northId, null).assertStatus(200);
        assertThat(onlyPeer(north).get("status").asText()).isEqualTo("UNREGISTERED");
        assertThat(peer(south, "north").get("status").asText()).isEqualTo("UNREGISTERED");
        north.ocpi("GET", "/ocpi/versions", newTokenC, null).assertStatus(401);
        south.ocpi("GET", "/ocpi/versions", newTokenB, null).assertStatus(401);

        // The other direction: south invites, north registers.
        String southTokenA = south.invite("north-again");
        north.admin("POST", "/peers", Map.of("url", south.versionsUrl(), "token", southTokenA, "name", "south-again"))
                .assertStatus(200);
        assertThat(peer(south, "north-again").get("status").asText()).isEqualTo("REGISTERED");
        String northToSouth = outgoingToken(north, "south-again");
        String southToNorth = outgoingToken(south, "north-again");
        south.ocpi("GET", "/ocpi/versions", northToSouth, null).assertStatus(200);
        north.ocpi("GET", "/ocpi/versions", southToNorth, null).assertStatus(200);

        // This time north ends it, and south learns it through its credentials DELETE.
        north.admin("DELETE", "/peers/" + peerId(north, "south-again"), null).assertStatus(200);
        assertThat(peer(south, "north-again").get("status").asText()).isEqualTo("UNREGISTERED");
        south.ocpi("GET", "/ocpi/versions", northToSouth, null).assertStatus(401);
    }

    @Test
    void deletingAnInvitationRevokesItsTokenA() {
        JsonNode invitation = south.admin("POST", "/invitations", Map.of("name", "leaked")).assertStatus(200).json();
        String tokenA = invitation.get("token").asText();
        south.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(200);

        JsonNode revoked = south.admin("DELETE", "/peers/" + invitation.get("peer_id").asLong(), null).assertStatus(200).json();

        assertThat(revoked.get("status").asText()).isEqualTo("UNREGISTERED");
        south.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(401);
        south.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, Map.of("token", "b", "url", north.versionsUrl(),
                "roles", north.bean(io.ocpi.adapter.config.OcpiProperties.class).roles())).assertStatus(401);
    }

    private static JsonNode onlyPeer(AdapterInstance adapter) {
        JsonNode peers = adapter.admin("GET", "/peers", null).assertStatus(200).json();
        JsonNode registered = null;
        for (JsonNode peer : peers) {
            if (!"UNREGISTERED".equals(peer.get("status").asText()) || registered == null) {
                registered = peer;
            }
        }
        return registered;
    }

    private static JsonNode peer(AdapterInstance adapter, String name) {
        for (JsonNode peer : adapter.admin("GET", "/peers", null).assertStatus(200).json()) {
            if (peer.get("name").asText().equals(name)) {
                return peer;
            }
        }
        throw new AssertionError(adapter.name() + " has no peer " + name);
    }

    private static long peerId(AdapterInstance adapter, String name) {
        return peer(adapter, name).get("id").asLong();
    }

    /** The token an adapter holds to call a peer: only inside the adapter, never shown by the admin API. */
    private static String outgoingToken(AdapterInstance adapter, String peerName) {
        return adapter.bean(io.ocpi.adapter.registry.PeerRepository.class).find(peerId(adapter, peerName)).orElseThrow().outgoingToken();
    }
}
