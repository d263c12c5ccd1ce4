package io.ocpi.adapter.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocpi.adapter.registry.TokenEncoding;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * URLs a peer hands us lead only where the outbound address policy lets the adapter go. Here it allows 127.0.0.1
 * (where the scripted peers run) and nothing else of this host: a service of the host's own on 127.0.0.2 stands for
 * the SFTP server, a database or a cloud metadata endpoint a peer should never make us call. Whatever it tries, the
 * peer learns nothing of what is there, and a token A that keeps failing is revoked.
 */
class PeerAddressPolicyTest {

    static final int MAX_FAILED_REGISTRATIONS = 3;

    static AdapterInstance adapter;
    static InternalService internal;

    @BeforeAll
    static void start() {
        internal = new InternalService("127.0.0.2");
        adapter = AdapterInstance.start("addresses", "NL", "AD", Map.of("ocpi.client.allowed-networks", "127.0.0.1/32",
                "ocpi.registration.max-failed-attempts", MAX_FAILED_REGISTRATIONS));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (internal != null) {
            internal.close();
        }
    }

    @Test
    void aRegistrationWithAUrlOfAnInternalServiceIsRefusedWithoutCallingItOrTellingWhatIsThere() {
        List<String> internalUrls = List.of(internal.url(), "http://[::1]:" + internal.port() + "/versions",
                "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:" + internal.port() + "/", "http://224.0.0.1/versions");
        for (String url : internalUrls) {
            Reply refused = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite("probe"), credentials(url));

            assertThat(refused.ocpiStatus()).as(url).isEqualTo(3001);
            String message = refused.json().get("status_message").asText();
            assertThat(message).as(url).doesNotContain("SSH").doesNotContain(String.valueOf(internal.port()))
                    .doesNotContain("refused").doesNotContain("169.254").doesNotContain("127.0.0");
        }
        assertThat(internal.connections()).as("connections to the internal service").isZero();
        System.out.println("Peer URLs refused: " + internalUrls.size() + " registrations at internal addresses, 0 calls made, 0 details told");
    }

    @Test
    void urlsInAPeersVersionsAndVersionDetailsAreHeldToThePolicyToo() {
        try (FakePeer versionsInside = new FakePeer(); FakePeer endpointInside = new FakePeer()) {
            versionsInside.on("/versions", Answer.ocpi("[{\"version\":\"2.2.1\",\"url\":\"" + internal.url() + "\"}]"));
            Reply refused = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite("details-inside"), credentials(versionsInside.url("/versions")));
            assertThat(refused.ocpiStatus()).isEqualTo(3001);

            endpointInside.offering221("credentials");
            endpointInside.on("/2.2.1", Answer.ocpi("{\"version\":\"2.2.1\",\"endpoints\":["
                    + "{\"identifier\":\"credentials\",\"role\":\"SENDER\",\"url\":\"" + endpointInside.url("/2.2.1/credentials") + "\"},"
                    + "{\"identifier\":\"locations\",\"role\":\"RECEIVER\",\"url\":\"" + internal.url() + "\"}]}"));
            Reply endpointRefused = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite("endpoint-inside"),
                    credentials(endpointInside.url("/versions")));
            assertThat(endpointRefused.ocpiStatus()).isEqualTo(3001);
            assertThat(endpointRefused.json().get("status_message").asText()).doesNotContain("127.0.0");
        }
        assertThat(internal.connections()).isZero();
    }

    @Test
    void everyCallOfTheClientIsHeldToThePolicyResponseUrlsAndLinkPagesIncluded() {
        OcpiClient client = adapter.bean(OcpiClient.class);
        PeerCredential credential = new PeerCredential("token", TokenEncoding.BASE64);

        // A command's or charging profile's result goes to the response_url the peer gave, through the same client.
        assertThatThrownBy(() -> client.call("POST", internal.url(), credential, Map.of("result", "ACCEPTED"), null, Map.of()))
                .isInstanceOf(PeerCallException.class).hasMessageContaining("not allowed");

        try (FakePeer pages = new FakePeer()) {
            pages.on("/cdrs", new Answer(200, "{\"data\":[],\"status_code\":1000,\"timestamp\":\"2024-01-01T00:00:00Z\"}",
                    Map.of("Link", "<" + internal.url() + ">; rel=\"next\"")));
            // A Link to another origin is not followed at all: the list goes on by offset on its own URL.
            assertThat(adapter.bean(PeerLists.class).pullAll(pages.url("/cdrs"), credential, Object.class, Map.of(), page -> { }))
                    .isZero();
            assertThat(pages.received("/cdrs")).hasSize(1);
        }
        assertThat(internal.connections()).isZero();
    }

    @Test
    void aTokenAWhoseRegistrationsKeepFailingIsRevoked() {
        String tokenA = adapter.invite("persistent");
        for (int i = 0; i < MAX_FAILED_REGISTRATIONS; i++) {
            assertThat(adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, credentials(internal.url())).ocpiStatus()).isEqualTo(3001);
        }
        adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, credentials(internal.url())).assertStatus(401);
        adapter.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(401);
    }

    @Test
    void theShippedPolicyRefusesEveryInternalAddressAndAllowsPublicOnes() throws Exception {
        PeerAddressPolicy shipped = new PeerAddressPolicy(List.of(), Set::of);
        Map<String, String> refused = Map.ofEntries(Map.entry("127.0.0.1", "loopback"), Map.entry("127.1.2.3", "loopback"),
                Map.entry("::1", "loopback"), Map.entry("169.254.169.254", "link-local"), Map.entry("fe80::1", "link-local"),
                Map.entry("10.1.2.3", "private"), Map.entry("172.16.0.1", "private"), Map.entry("192.168.1.1", "private"),
                Map.entry("100.64.0.1", "private"), Map.entry("fd00::1", "private"), Map.entry("0.0.0.0", "unspecified"),
                Map.entry("::", "unspecified"), Map.entry("224.0.0.1", "multicast"), Map.entry("ff02::1", "multicast"),
                Map.entry("255.255.255.255", "broadcast"), Map.entry("::7f00:1", "loopback"), Map.entry("64:ff9b::a9fe:a9fe", "link-local"),
                Map.entry("::ffff:127.0.0.1", "loopback"));
        refused.forEach((address, kind) -> assertThat(shipped.refusal(literal(address), 80)).as(address).contains(kind));
        for (String address : List.of("8.8.8.8", "203.0.113.7", "2001:db8::1", "172.32.0.1", "100.128.0.1")) {
            assertThat(shipped.refusal(literal(address), 443)).as(address).isNull();
        }
        assertThatThrownBy(() -> shipped.check("http://localhost:8080/ocpi/versions")).isInstanceOf(PeerCallException.class)
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> shipped.check("file:///etc/passwd")).isInstanceOf(PeerCallException.class);
    }

    @Test
    void allowedNetworksOpenExactlyWhatTheyListAndThisHostsOwnPortsStayClosedOtherwise() throws Exception {
        PeerAddressPolicy policy = new PeerAddressPolicy(List.of("10.20.0.0/16", "fd12::/16"), () -> Set.of(8080));
        assertThat(policy.refusal(literal("10.20.5.6"), 80)).isNull();
        assertThat(policy.refusal(literal("fd12::5"), 80)).isNull();
        assertThat(policy.refusal(literal("10.21.0.1"), 80)).contains("private");
        assertThat(policy.refusal(literal("0.0.0.0"), 80)).contains("unspecified");

        assertThat(policy.refusal(literal("127.0.0.1"), 8080)).isEqualTo("this host at a port of this adapter");
        assertThat(policy.refusal(literal("127.0.0.1"), 8081)).isEqualTo("a loopback address");
        for (InetAddress own : Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream()).toList()) {
            assertThat(policy.refusal(own, 8080)).as("%s at our port", own).isEqualTo("this host at a port of this adapter");
        }
        assertThatThrownBy(() -> new PeerAddressPolicy(List.of("example.com/24"), Set::of)).hasMessageContaining("allowed-networks");
        assertThatThrownBy(() -> new PeerAddressPolicy(List.of("10.0.0.0/33"), Set::of)).hasMessageContaining("allowed-networks");
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> credentials(String versionsUrl) {
        return Map.of("token", "token-b", "url", versionsUrl, "roles", List.of(Map.of(
                "role", "EMSP", "party_id", "ADP", "country_code", "NL", "business_details", Map.of("name", "A peer"))));
    }

    /** A TCP service on another loopback address that greets each connection the way an SSH server does, and counts them. */
    static final class InternalService implements AutoCloseable {

        private final ServerSocket server;
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        InternalService(String address) {
            try {
                server = new ServerSocket();
                server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        connections.incrementAndGet();
                        socket.getOutputStream().write("SSH-2.0-APACHE-SSHD-2.12.0\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException closed) {
                        // the test is over
                    }
                }
            }, "internal-service");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        String url() {
            return "http://" + server.getInetAddress().getHostAddress() + ":" + port() + "/versions";
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
