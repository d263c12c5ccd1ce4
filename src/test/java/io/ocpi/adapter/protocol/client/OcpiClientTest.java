package io.ocpi.adapter.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocpi.adapter.registry.TokenEncoding;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one client of every call to a peer: its threads and its time limit on the whole answer. */
class OcpiClientTest {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    static final PeerCredential CREDENTIAL = new PeerCredential("token", TokenEncoding.BASE64);

    static AdapterInstance adapter;
    static OcpiClient client;

    @BeforeAll
    static void start() {
        adapter = AdapterInstance.start("client", "NL", "CL", Map.of("ocpi.client.request-timeout", REQUEST_TIMEOUT.toMillis() + "ms"));
        client = adapter.bean(OcpiClient.class);
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void callsReuseTheClientsThreads() {
        try (FakePeer peer = new FakePeer()) {
            peer.on("/locations", Answer.ocpi("null"));
            for (int i = 0; i < 10; i++) {
                client.call("PUT", peer.url("/locations"), CREDENTIAL, Map.of("n", i), null, Map.of());
            }
            long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
            for (int i = 0; i < 200; i++) {
                client.call("PUT", peer.url("/locations"), CREDENTIAL, Map.of("n", i), null, Map.of());
            }
            long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;
            // Other parts of the adapter may start a thread meanwhile; a thread per call would be 200.
            assertThat(started).isLessThan(20);
        }
    }

    @Test
    void aPeerThatNeverAnswersIsCutAtTheTimeLimit() {
        try (FakePeer peer = new FakePeer()) {
            peer.on("/locations", Answer.ocpi("null"));
            peer.hang();
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.call("GET", peer.url("/locations"), CREDENTIAL, null, null, Map.of()))
                    .isInstanceOf(PeerCallException.class).hasMessageContaining("did not answer within the request timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(REQUEST_TIMEOUT, REQUEST_TIMEOUT.multipliedBy(5));
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            peer.prompt();
        }
    }

    @Test
    void aPeerThatStallsInTheMiddleOfItsBodyIsCutAtTheTimeLimit() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try {
                    Socket socket = server.accept();
                    held.add(socket);
                    socket.getInputStream().read(new byte[8192]);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"data\":")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the test ends the socket
                }
            });
            peer.setDaemon(true);
            peer.start();
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.call("GET", "http://127.0.0.1:" + server.getLocalPort() + "/locations", CREDENTIAL, null,
                    null, Map.of()))
                    .isInstanceOf(PeerCallException.class).hasMessageContaining("did not answer within the request timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(REQUEST_TIMEOUT, REQUEST_TIMEOUT.multipliedBy(5));
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
