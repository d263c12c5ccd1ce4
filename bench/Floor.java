import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's floor: the database work the adapter does for each HTTP scenario, and nothing else. The JDK's own
 * HTTP server, plain JDBC on a fixed set of connections, the adapter's SQL statement for statement (as PostgreSQL's
 * statement log shows them for one request of each scenario), and the answer written by hand. What the adapter keeps
 * in memory the floor keeps too: the callers' tokens once found, and our Locations, read again when the store's
 * counts of changes differ from those they were read at. What wrk measures against
 * it is what this machine gives for the same database work with no framework at all; bench/run reports each HTTP
 * scenario as a ratio to it beside the ratio to the bare baseline.
 *
 * <p>When the adapter's statements for a scenario change, this file changes with them: the floor is only a floor
 * while it asks PostgreSQL for what the adapter asks. Its writes go to copies of the adapter's tables
 * ({@code floor_object}, {@code floor_outbox}), so that nothing it stores is seen, drained or counted by the adapter.
 *
 * <p>Run: {@code java -cp <classpath with the PostgreSQL driver> bench/Floor.java <port> <jdbc-url> <user> <password>
 * <contract-state.sql>}.
 */
public class Floor {

    /** Our parties as the bench's adapter has them: the CPO whose Locations are paged, the eMSP whose tokens are asked. */
    static final String[] CPO = {"NL", "UCP"};
    static final String[] EMSP = {"NL", "UMS"};

    /** Read once per token, then kept: the adapter asks PostgreSQL for a caller only after a change to the registry. */
    static final String CALLER = """
            SELECT p.*, t.scope AS token_scope FROM peer_token t JOIN peer p ON p.id = t.peer_id
            WHERE t.token_hash = ? AND (t.expires_at IS NULL OR t.expires_at > ?)""";
    static final String VERSIONS = "SELECT module, country_code, party_id, changes, deletes FROM ocpi_object_version";
    static final String OUR_LOCATIONS = """
            SELECT last_updated, body FROM ocpi_object WHERE module = 'locations' AND country_code = ? AND party_id = ?
            ORDER BY last_updated, country_code, party_id, object_id, object_type""";
    static final String TOKEN = """
            SELECT object_type, country_code, party_id, body FROM ocpi_object WHERE module = ? AND object_id = ?
            AND object_type IN (?) AND ((country_code = ? AND party_id = ?))""";
    static final String STORE_CDR = """
            INSERT INTO floor_object (module, country_code, party_id, object_id, object_type, last_updated, for_country_code, for_party_id, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    static final String QUEUE_SINKS = """
            INSERT INTO floor_outbox (route, headers, module, object_key, method, path, body, status, attempts, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, 'EVENT', '', ?, ?, 0, ?, ?), (?, ?, ?, ?, 'EVENT', '', ?, ?, 0, ?, ?), (?, ?, ?, ?, 'EVENT', '', ?, ?, 0, ?, ?)""";
    static final String[] SINK_ROUTES = {"direct://ocpi.cdrs.received.billing", "direct://ocpi.cdrs.received.kafka", "direct://ocpi.cdrs.received.sap"};

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern COUNTRY = Pattern.compile("\"country_code\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern PARTY = Pattern.compile("\"party_id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern LAST_UPDATED = Pattern.compile("\"last_updated\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern LOCATION_ID = Pattern.compile("\"location_id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOKEN_PARTY = Pattern.compile("\"cdr_token\"\\s*:\\s*\\{\"country_code\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"party_id\"\\s*:\\s*\"([^\"]+)\"");

    static BlockingQueue<Connection> connections;
    static final Map<String, Boolean> callers = new java.util.concurrent.ConcurrentHashMap<>();
    static volatile Snapshot locations;
    static final AtomicLong failures = new AtomicLong();
    static String contractState;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int pool = Integer.parseInt(System.getProperty("connections", "20"));
        connections = new ArrayBlockingQueue<>(pool);
        for (int i = 0; i < pool; i++) {
            connections.add(DriverManager.getConnection(args[1], args[2], args[3]));
        }
        // The shipped query file, its Camel parameters (:#${header.Name}) as JDBC ones.
        contractState = Files.readString(Path.of(args[4])).replaceAll("(?m)^--.*$", "").replaceAll(":#\\$\\{header\\.\\w+}", "?").strip();
        try (var statement = connections.peek().createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS floor_object (LIKE ocpi_object INCLUDING ALL)");
            statement.execute("CREATE TABLE IF NOT EXISTS floor_outbox (LIKE ocpi_outbox INCLUDING DEFAULTS INCLUDING INDEXES)");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS floor_outbox_id");
            statement.execute("ALTER TABLE floor_outbox ALTER COLUMN id SET DEFAULT nextval('floor_outbox_id')");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(System.getProperty("threads", "32"))));
        server.createContext("/ocpi/cpo/2.2.1/locations", exchange -> handle(exchange, Floor::locations));
        server.createContext("/ocpi/emsp/2.2.1/tokens", exchange -> handle(exchange, Floor::authorize));
        server.createContext("/ocpi/emsp/2.2.1/cdrs", exchange -> handle(exchange, Floor::cdr));
        server.start();
        System.out.println("floor on http://localhost:" + port);
    }

    interface Scenario {
        void answer(HttpExchange exchange, byte[] body, Connection db) throws Exception;
    }

    static void handle(HttpExchange exchange, Scenario scenario) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Connection db = null;
        try {
            db = connections.take();
            if (!caller(db, exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, Map.of(), envelope("null", 2000));
                return;
            }
            scenario.answer(exchange, body, db);
        } catch (Exception e) {
            if (failures.incrementAndGet() <= 20) {
                System.err.println("failed: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
            }
            send(exchange, 500, Map.of(), envelope("\"" + e.getClass().getSimpleName() + "\"", 3000));
        } finally {
            if (db != null) {
                connections.add(db);
            }
        }
    }

    /** The peer holding the presented token: read from the database the first time it is presented. */
    static boolean caller(Connection db, String authorization) throws Exception {
        if (authorization == null || !authorization.startsWith("Token ")) {
            return false;
        }
        String token = authorization.substring(6).trim();
        try {
            token = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException plain) {
            // a token sent as it is
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        Boolean known = callers.get(hash);
        if (known != null) {
            return known;
        }
        try (PreparedStatement query = db.prepareStatement(CALLER)) {
            query.setString(1, hash);
            query.setTimestamp(2, Timestamp.from(Instant.now()));
            try (ResultSet row = query.executeQuery()) {
                known = row.next();
            }
        }
        callers.put(hash, known);
        return known;
    }

    /** Our Locations as read at some counts of the store's changes: UTF-8 bodies in page order, and their dates. */
    record Snapshot(String counts, Instant[] dates, byte[][] bodies) {
    }

    /**
     * Scenario 1: a page of our Locations, its total (X-Total-Count) and the next page's link. Like the adapter, one
     * query per request (the store's counts of changes); the Locations are read again only when our CPO's count of
     * Location changes or deletes differs from the one they were read at.
     */
    static void locations(HttpExchange exchange, byte[] body, Connection db) throws Exception {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Math.min(Integer.parseInt(query.getOrDefault("limit", "100")), 100);
        String dateFrom = query.get("date_from");
        Snapshot snapshot = snapshot(db);
        int from = dateFrom == null ? 0 : firstFrom(snapshot.dates(), Instant.parse(dateFrom));
        int total = snapshot.bodies().length - from;
        int start = Math.min(from + offset, snapshot.bodies().length);
        int end = Math.min(start + limit, snapshot.bodies().length);
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream(128 * 1024);
        data.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = start; i < end; i++) {
            if (i > start) {
                data.write(',');
            }
            data.write(snapshot.bodies()[i]);
        }
        data.write(("],\"status_code\":1000,\"timestamp\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Total-Count", Integer.toString(total));
        headers.put("X-Limit", "100");
        if (offset + limit < total) {
            headers.put("Link", "<http://localhost/ocpi/cpo/2.2.1/locations?offset=" + (offset + limit) + "&limit=" + limit
                    + (dateFrom != null ? "&date_from=" + dateFrom : "") + ">; rel=\"next\"");
        }
        send(exchange, 200, headers, data.toByteArray());
    }

    static Snapshot snapshot(Connection db) throws SQLException {
        StringBuilder counts = new StringBuilder();
        try (PreparedStatement versions = db.prepareStatement(VERSIONS); ResultSet rows = versions.executeQuery()) {
            while (rows.next()) {
                if (rows.getString(1).equals("locations") && rows.getString(2).equals(CPO[0]) && rows.getString(3).equals(CPO[1])) {
                    counts.append(rows.getLong(4)).append('/').append(rows.getLong(5));
                }
            }
        }
        Snapshot held = locations;
        if (held != null && held.counts().contentEquals(counts)) {
            return held;
        }
        List<Instant> dates = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        try (PreparedStatement all = db.prepareStatement(OUR_LOCATIONS)) {
            all.setString(1, CPO[0]);
            all.setString(2, CPO[1]);
            try (ResultSet rows = all.executeQuery()) {
                while (rows.next()) {
                    dates.add(rows.getTimestamp(1).toInstant());
                    bodies.add(rows.getString(2).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        Snapshot read = new Snapshot(counts.toString(), dates.toArray(Instant[]::new), bodies.toArray(byte[][]::new));
        locations = read;
        return read;
    }

    /** The first position whose Location changed at {@code instant} or later. */
    static int firstFrom(Instant[] dates, Instant instant) {
        int low = 0;
        int high = dates.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (dates[middle].isBefore(instant)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Scenario 2: real-time authorization of one of our tokens, from its contract's state in billing. */
    static void authorize(HttpExchange exchange, byte[] body, Connection db) throws Exception {
        String path = exchange.getRequestURI().getPath();
        String uid = path.substring("/ocpi/emsp/2.2.1/tokens/".length(), path.length() - "/authorize".length());
        String token;
        try (PreparedStatement find = db.prepareStatement(TOKEN)) {
            find.setString(1, "tokens");
            find.setString(2, uid.toUpperCase());
            find.setString(3, "RFID");
            find.setString(4, EMSP[0]);
            find.setString(5, EMSP[1]);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    send(exchange, 404, Map.of(), envelope("null", 2004));
                    return;
                }
                token = row.getString(4);
            }
        }
        Matcher location = LOCATION_ID.matcher(new String(body, StandardCharsets.UTF_8));
        String locationId = location.find() ? location.group(1) : null;
        String allowed = "NOT_ALLOWED";
        try (PreparedStatement state = db.prepareStatement(contractState)) {
            state.setString(1, locationId);
            state.setString(2, locationId);
            state.setString(3, uid.toUpperCase());
            try (ResultSet row = state.executeQuery()) {
                if (row.next()) {
                    allowed = row.getString("allowed");
                }
            }
        }
        String data = "{\"allowed\":\"" + allowed + "\",\"token\":" + token
                + (locationId != null ? ",\"location\":{\"location_id\":\"" + locationId + "\"}" : "")
                + ",\"authorization_reference\":\"" + UUID.randomUUID() + "\"}";
        send(exchange, 200, Map.of(), envelope(data, 1000));
    }

    /** Scenario 3: a CDR received, stored once and queued for the three sinks, in one transaction. */
    static void cdr(HttpExchange exchange, byte[] body, Connection db) throws Exception {
        String cdr = new String(body, StandardCharsets.UTF_8);
        String id = first(ID, cdr);
        String country = first(COUNTRY, cdr);
        String party = first(PARTY, cdr);
        Matcher emsp = TOKEN_PARTY.matcher(cdr);
        emsp.find();
        Timestamp now = Timestamp.from(Instant.now());
        db.setAutoCommit(false);
        try {
            boolean stored;
            try (PreparedStatement store = db.prepareStatement(STORE_CDR)) {
                store.setString(1, "cdrs");
                store.setString(2, country);
                store.setString(3, party);
                store.setString(4, id);
                store.setString(5, "");
                store.setTimestamp(6, Timestamp.from(Instant.parse(first(LAST_UPDATED, cdr))));
                store.setString(7, emsp.group(1));
                store.setString(8, emsp.group(2));
                store.setString(9, cdr);
                stored = store.executeUpdate() == 1;
            }
            if (stored) {
                try (PreparedStatement queue = db.prepareStatement(QUEUE_SINKS)) {
                    String headers = "{\"OcpiCountryCode\":\"" + country + "\",\"OcpiPartyId\":\"" + party + "\",\"OcpiObjectId\":\"" + id
                            + "\",\"OcpiOperation\":\"POST\",\"OcpiPeer\":\"bench\",\"OcpiVersion\":\"2.2.1\",\"OcpiModule\":\"cdrs\",\"OcpiEvent\":\"received\"}";
                    int n = 1;
                    for (String route : SINK_ROUTES) {
                        queue.setString(n++, route);
                        queue.setString(n++, headers);
                        queue.setString(n++, "cdrs");
                        queue.setString(n++, "cdrs " + country + "*" + party + "/" + id);
                        queue.setString(n++, cdr);
                        queue.setString(n++, "PENDING");
                        queue.setTimestamp(n++, now);
                        queue.setTimestamp(n++, now);
                    }
                    queue.executeUpdate();
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        send(exchange, 201, Map.of(), envelope("null", 1000));
    }

    static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    static byte[] envelope(String data, int status) {
        return ("{\"data\":" + data + ",\"status_code\":" + status + ",\"timestamp\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
