package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connections that send their request body a byte at a time cannot take the web server's threads: a request without
 * valid credentials is answered before its body is read, and its connection closed rather than drained; the body of
 * an authenticated request must arrive within {@code ocpi.body-read-timeout}. The adapter has 8 threads here; the slow
 * connections come from 127.0.0.2, the probes and the valid requests from 127.0.0.1.
 */
class SlowBodyTest {

    static final int SLOW_CONNECTIONS = 10;
    static final String SLOW_ADDRESS = "127.0.0.2";

    static AdapterInstance adapter;
    static String tokenA;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        adapter = AdapterInstance.start("slow-bodies", "NL", "SB", Map.of("server.tomcat.threads.max", 8,
                "ocpi.body-read-timeout", "2s", "ocpi.auth.lockout.max-failures", 10));
        tokenA = adapter.invite("prompt");
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void slowBodiesWithoutCredentialsHoldNoThreadAndCountAgainstTheirAddress() throws Exception {
        ScheduledExecutorService trickle = Executors.newScheduledThreadPool(1);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                Socket socket = slowPost(SLOW_ADDRESS, port(), "/ocpi/2.2.1/credentials", null, 1024 * 1024);
                slow.add(socket);
            }
            // One byte per connection every second, for as long as the server takes them.
            trickle.scheduleAtFixedRate(() -> slow.forEach(SlowBodyTest::oneByte), 0, 1, TimeUnit.SECONDS);
            Thread.sleep(1500);

            long slowest = 0;
            for (int round = 0; round < 3; round++) {
                slowest = Math.max(slowest, answeredWithin("/ocpi/versions", Map.of("Authorization", "Token " + AdapterInstance.base64(tokenA))));
                slowest = Math.max(slowest, answeredWithin("/actuator/health/liveness", Map.of()));
            }
            System.out.println("Slow bodies: " + SLOW_CONNECTIONS + " connections sending 1 MB a byte a second without a token, 8 threads:"
                    + " versions and liveness answered within " + slowest + " ms");

            for (Socket socket : slow) {
                assertThat(answerOf(socket, Duration.ofSeconds(5))).as("answer to a slow body without a token").startsWith("HTTP/1.1 401");
            }
        } finally {
            trickle.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
        // Ten held connections without credentials were counted against their address: it is refused for a while.
        try (Socket next = new Socket()) {
            next.bind(new InetSocketAddress(SLOW_ADDRESS, 0));
            next.connect(new InetSocketAddress("127.0.0.1", port()));
            next.getOutputStream().write(("GET /ocpi/versions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Token "
                    + AdapterInstance.base64(tokenA) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(answerOf(next, Duration.ofSeconds(5))).startsWith("HTTP/1.1 429");
        }
    }

    @Test
    void anAuthenticatedBodyMustArriveWithinTheReadTimeout() throws Exception {
        long started = System.nanoTime();
        try (Socket socket = slowPost("127.0.0.1", port(), "/ocpi/2.2.1/credentials", tokenA, 1000)) {
            ScheduledExecutorService trickle = Executors.newScheduledThreadPool(1);
            try {
                trickle.scheduleAtFixedRate(() -> oneByte(socket), 0, 300, TimeUnit.MILLISECONDS);
                String answer = answerOf(socket, Duration.ofSeconds(8));
                assertThat(answer).startsWith("HTTP/1.1 408");
                assertThat(answer).contains("\"status_code\":2000").contains("2 s");
            } finally {
                trickle.shutdownNow();
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    /** As in production, the admin API and the probes on a port of their own: slow bodies hold none of its threads. */
    @Test
    void slowBodiesOnTheManagementPortHoldNoThreadEither() throws Exception {
        try (AdapterInstance separate = AdapterInstance.start("slow-management", "NL", "SM", Map.of("management.server.port", 0,
                "management.server.address", "127.0.0.1", "server.tomcat.threads.max", 8))) {
            int managementPort = Integer.parseInt(separate.context().getEnvironment().getProperty("local.management.port"));
            ScheduledExecutorService trickle = Executors.newScheduledThreadPool(1);
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                    slow.add(slowPost("127.0.0.3", managementPort, "/actuator/invitations", null, 1024 * 1024));
                }
                trickle.scheduleAtFixedRate(() -> slow.forEach(SlowBodyTest::oneByte), 0, 1, TimeUnit.SECONDS);
                Thread.sleep(1500);
                for (int round = 0; round < 3; round++) {
                    answeredWithin("http://localhost:" + managementPort, "/actuator/health/liveness", Map.of());
                }
                for (Socket socket : slow) {
                    assertThat(answerOf(socket, Duration.ofSeconds(5))).as("answer to a slow body without credentials").startsWith("HTTP/1.1 401");
                }
            } finally {
                trickle.shutdownNow();
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    /** A POST that declares {@code length} bytes and sends one. */
    private static Socket slowPost(String from, int port, String path, String token, int length) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Token " + AdapterInstance.base64(token) + "\r\n")
                + "Content-Length: " + length + "\r\n\r\n{";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static void oneByte(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException closedByTheServer) {
            // what the server is expected to do sooner or later
        }
    }

    /** What the server answered before closing the connection, or an AssertionError if it did neither in time. */
    private static String answerOf(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed the connection within " + within + "; read so far: " + answer);
        } catch (IOException reset) {
            // The server closed with our bytes unread: what it answered before is what we have.
        }
        return answer.toString();
    }

    /** Milliseconds until a GET is answered 200; fails beyond 3 s. */
    private static long answeredWithin(String path, Map<String, String> headers) throws Exception {
        return answeredWithin(adapter.baseUrl(), path, headers);
    }

    private static long answeredWithin(String baseUrl, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(3)).GET();
        headers.forEach(request::header);
        long started = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static int port() {
        return Integer.parseInt(adapter.context().getEnvironment().getProperty("local.server.port"));
    }
}
