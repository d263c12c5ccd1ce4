import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's other side, on the JDK's own HTTP server, in two parts:
 *
 * <ul>
 *   <li>The baseline: it answers the benchmarked URLs of the adapter with the same bytes the adapter answered,
 *       pre-serialized (captured from the adapter by bench/run), and does nothing else. What wrk measures against it
 *       is the limit of this machine, HTTP stack and load tool; every scenario is reported as a ratio to it.</li>
 *   <li>The peer: versions and endpoints for the credentials handshake, and a Receiver for the locations the
 *       adapter pushes, which counts them and checks that the changes of each EVSE arrive in order.</li>
 * </ul>
 *
 * Run: {@code java bench/Baseline.java <port> <captured-responses-folder>}. {@code GET /stats} answers the counts.
 */
public class Baseline {

    static final Pattern LAST_UPDATED = Pattern.compile("\"last_updated\"\\s*:\\s*\"([^\"]+)\"");
    static final byte[] OK = ocpi("null");

    static final AtomicLong patches = new AtomicLong();
    static final AtomicLong puts = new AtomicLong();
    static final AtomicLong outOfOrder = new AtomicLong();
    static final Map<String, String> lastSeen = new ConcurrentHashMap<>();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path captured = Path.of(args[1]);
        String self = "http://localhost:" + port;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(System.getProperty("threads", "32"))));

        // The baseline: same paths as the adapter, captured bytes.
        server.createContext("/ocpi/cpo/2.2.1/locations", exchange -> replay(exchange, captured.resolve("locations.json"), 200));
        server.createContext("/ocpi/emsp/2.2.1/tokens", exchange -> replay(exchange, captured.resolve("authorize.json"), 200));
        server.createContext("/ocpi/emsp/2.2.1/cdrs", exchange -> replay(exchange, captured.resolve("cdr.json"), 201));

        // The peer.
        server.createContext("/peer/versions", exchange -> send(exchange, 200, ocpi(
                "[{\"version\":\"2.2.1\",\"url\":\"" + self + "/peer/2.2.1\"}]")));
        server.createContext("/peer/2.2.1", exchange -> send(exchange, 200, ocpi(
                "{\"version\":\"2.2.1\",\"endpoints\":["
                        + "{\"identifier\":\"credentials\",\"role\":\"RECEIVER\",\"url\":\"" + self + "/peer/2.2.1/credentials\"},"
                        + "{\"identifier\":\"locations\",\"role\":\"RECEIVER\",\"url\":\"" + self + "/peer/receiver/locations\"}]}")));
        server.createContext("/peer/receiver/locations", Baseline::received);
        server.createContext("/stats", exchange -> send(exchange, 200, String.format(
                "{\"patches\":%d,\"puts\":%d,\"out_of_order\":%d,\"evses\":%d}", patches.get(), puts.get(), outOfOrder.get(), lastSeen.size())
                .getBytes(StandardCharsets.UTF_8)));
        server.start();
        System.out.println("baseline and bench peer on " + self);
    }

    /** A push from the adapter: counted, and each EVSE's changes checked to come in last_updated order. */
    static void received(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if ("PATCH".equals(exchange.getRequestMethod())) {
            patches.incrementAndGet();
            Matcher updated = LAST_UPDATED.matcher(body);
            if (updated.find()) {
                String now = updated.group(1);
                String before = lastSeen.put(exchange.getRequestURI().getPath(), now);
                // OCPI timestamps of one format compare as text.
                if (before != null && before.compareTo(now) > 0) {
                    outOfOrder.incrementAndGet();
                }
            }
        } else {
            puts.incrementAndGet();
        }
        send(exchange, 200, OK);
    }

    static void replay(HttpExchange exchange, Path file, int status) throws IOException {
        exchange.getRequestBody().readAllBytes();
        send(exchange, status, Captured.of(file));
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] ocpi(String data) {
        return ("{\"data\":" + data + ",\"status_code\":1000,\"status_message\":\"Success\",\"timestamp\":\"2026-01-01T00:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Captured answers, read once. */
    static final class Captured {
        static final Map<Path, byte[]> FILES = new ConcurrentHashMap<>();

        static byte[] of(Path file) {
            return FILES.computeIfAbsent(file, f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    return ocpi("\"not captured: " + f.getFileName() + "\"");
                }
            });
        }
    }
}
