package io.ocpi.adapter.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted OCPI peer on a real loopback HTTP server: it answers each path with what the test sets and records
 * every request it gets. For the cases a second adapter cannot produce (an old version only, missing modules).
 */
public final class FakePeer implements AutoCloseable {

    /** A request the peer received, and when; {@code query} as sent (null when none). */
    public record Received(String method, String path, Map<String, List<String>> headers, String body, Instant at, String query) {

        /** A query parameter's value as sent (still percent-encoded), or null. */
        public String param(String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
            return null;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: HTTP status, body and extra headers. */
    public record Answer(int status, String body, Map<String, String> headers) {

        public static Answer ocpi(String dataJson) {
            return new Answer(200, "{\"data\":" + dataJson + ",\"status_code\":1000,\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of());
        }
    }

    private HttpServer server;
    private final int port;
    private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Requests are served side by side, as a real platform does: a slow one does not hold up the others. */
    private final ExecutorService serving = Executors.newCachedThreadPool();
    private volatile Duration delay = Duration.ZERO;
    private volatile CountDownLatch hanging = new CountDownLatch(0);
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();

    public FakePeer() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            http.createContext("/", this::handle);
            http.setExecutor(serving);
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Goes down: connections are refused until {@link #start()}. */
    public void stop() {
        server.stop(0);
    }

    /** Answers every request only after {@code delay} (a peer under load); zero: at once again. */
    public FakePeer slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    /**
     * Takes every request and never answers (a peer whose application is stuck behind a working load balancer), until
     * {@link #prompt()}: then the requests it held are answered too.
     */
    public FakePeer hang() {
        hanging = new CountDownLatch(1);
        return this;
    }

    /** Answers at once again, after {@link #slow} or {@link #hang}. */
    public FakePeer prompt() {
        delay = Duration.ZERO;
        hanging.countDown();
        return this;
    }

    /** The most requests it has held at once (received, not yet answered). */
    public int mostOpenAtOnce() {
        return mostOpen.get();
    }

    /** Comes back on the same port, with the same answers. */
    public void start() {
        server = listen(port);
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public FakePeer on(String path, Function<Received, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    public FakePeer on(String path, Answer answer) {
        return on(path, request -> answer);
    }

    /**
     * Versions and details of a 2.2.1 peer offering the given modules (credentials included by the caller), each as
     * {@code module} (a Sender at /2.2.1/module) or {@code module:RECEIVER} (at /2.2.1/receiver/module).
     */
    public FakePeer offering221(String... modules) {
        return offering("2.2.1", modules);
    }

    /**
     * Versions and details of a peer of {@code version} (e.g. 2.1.1, 2.3.0) offering the given modules (credentials
     * included by the caller), each as {@code module} (at /version/module) or {@code module:RECEIVER} (at
     * /version/receiver/module). 2.1.1's details name no interface roles: each module is one endpoint.
     */
    public FakePeer offering(String version, String... modules) {
        on("/versions", Answer.ocpi("[{\"version\":\"" + version + "\",\"url\":\"" + url("/" + version) + "\"}]"));
        boolean roles = !version.equals("2.1.1");
        StringBuilder endpoints = new StringBuilder();
        for (String module : modules) {
            if (!endpoints.isEmpty()) {
                endpoints.append(',');
            }
            boolean receiver = module.endsWith(":RECEIVER");
            String id = receiver ? module.substring(0, module.indexOf(':')) : module;
            endpoints.append("{\"identifier\":\"").append(id)
                    .append(roles ? "\",\"role\":\"" + (receiver ? "RECEIVER" : "SENDER") : "")
                    .append("\",\"url\":\"").append(url("/" + version + "/" + (receiver ? "receiver/" : "") + id)).append("\"}");
        }
        return on("/" + version, Answer.ocpi("{\"version\":\"" + version + "\",\"endpoints\":[" + endpoints + "]}"));
    }

    public List<Received> received() {
        return received;
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /**
     * The versions of one object received at {@code path} since {@code since}, in order: tests number an object's
     * versions by the minute of its last_updated.
     */
    public List<Integer> versionsReceived(String path, Instant since) {
        return received(path).stream().filter(r -> !r.at().isBefore(since)).map(r -> {
            try {
                String lastUpdated = AdapterInstance.JSON.readTree(r.body()).get("last_updated").asText();
                return Integer.parseInt(lastUpdated.substring(14, 16));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                Instant.now(), exchange.getRequestURI().getRawQuery());
        received.add(request);
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try {
            stall();
            answer(exchange, request);
        } finally {
            open.decrementAndGet();
        }
    }

    private void stall() {
        Duration wait = delay;
        CountDownLatch stuck = hanging;
        try {
            if (!wait.isZero()) {
                Thread.sleep(wait.toMillis());
            }
            stuck.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, Received request) throws IOException {
        Function<Received, Answer> route = routes.get(request.path());
        Answer answer = route == null ? new Answer(404, "{\"status_code\":2000,\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of())
                : route.apply(request);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        hanging.countDown();
        serving.shutdownNow();
    }
}
