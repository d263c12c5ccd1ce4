package io.ocpi.adapter.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.AdapterProcess;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Ports;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The adapter is killed (SIGKILL: no shutdown hook, nothing flushed) in the middle of a burst of CDRs from a peer
 * and a backlog of Location pushes to it, then started again on the same database. A CDR the peer saw accepted
 * (OCPI 1000) is billed exactly once; one whose request died with the adapter is sent again, as a peer does, and
 * billed once too; every Location reaches the peer.
 */
class CrashRecoveryTest {

    static final int CDRS = 400;
    static final int SITES = 300;

    @Test
    void whatWasAcceptedBeforeAKillIsBilledOnceAndTheBacklogIsDeliveredAfterTheRestart() throws Exception {
        // Logs and an H2 database stay in target/ for a look after a failure; each run starts them afresh.
        Path work = Path.of("target", "crash-recovery");
        FileSystemUtils.deleteRecursively(work);
        Map<String, Object> extra = new HashMap<>(TestDatabase.shared("crash", work));
        extra.put("server.port", Ports.free());
        extra.put("ocpi.push.poll-interval", "100ms");
        extra.put("ocpi.push.initial-backoff", "200ms");
        extra.put("ocpi.push.max-backoff", "1s");
        // Items the killed instance had claimed are taken over when their lease ends.
        extra.put("ocpi.push.lease", "10s");
        extra.put("ocpi.bindings.billing.enabled", true);
        extra.put("ocpi.bindings.billing.poll-interval", 300);
        Map<String, Object> settings = AdapterInstance.settings("crash", "NL", "AD", extra);

        List<String> siteIds = IntStream.range(0, SITES).mapToObj(i -> String.format("CRASH%04d", i)).toList();
        List<String> cdrIds = IntStream.range(0, CDRS).mapToObj(i -> String.format("CRASH-CDR-%04d", i)).toList();
        Set<String> accepted = ConcurrentHashMap.newKeySet();

        try (FakePeer peer = new FakePeer().offering221("credentials", "locations:RECEIVER", "tariffs:RECEIVER", "cdrs")) {
            // A peer that takes its time (300 ms a Location), so that a backlog is still waiting when the kill comes.
            siteIds.forEach(id -> peer.on("/2.2.1/receiver/locations/NL/ADC/" + id, request -> {
                sleep(300);
                return Answer.ocpi("null");
            }));

            AdapterProcess first = AdapterProcess.start(settings, work.resolve("first.log"));
            String token;
            try {
                String tokenA = first.admin("POST", "/invitations", Map.of("name", "peer")).assertStatus(200).json().get("token").asText();
                token = first.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, PeerPlatform.credentials("peer-token-b", peer.url("/versions")))
                        .assertStatus(200).data().get("token").asText();
                JdbcTemplate db = database(settings);
                addSites(db, siteIds);
                // The backlog is under way when the kill comes.
                await().atMost(Duration.ofSeconds(60)).until(() -> locationsReceived(peer) > 0);

                ExecutorService senders = Executors.newFixedThreadPool(4);
                AtomicInteger sent = new AtomicInteger();
                for (String cdrId : cdrIds) {
                    senders.submit(() -> {
                        sent.incrementAndGet();
                        try {
                            Reply reply = first.ocpi("POST", "/ocpi/emsp/2.2.1/cdrs", token, Samples.cdr("PCP", cdrId, "ADE"));
                            if (reply.status() == 201 && reply.ocpiStatus() == 1000) {
                                accepted.add(cdrId);
                            }
                        } catch (IllegalStateException killedWhileAsking) {
                            // No answer: the peer does not know whether we have it, and sends it again later.
                        }
                    });
                }
                await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= CDRS / 3);
                first.kill();
                senders.shutdownNow();
                senders.awaitTermination(30, TimeUnit.SECONDS);
            } finally {
                first.close();
            }
            int acceptedBeforeKill = accepted.size();
            assertThat(acceptedBeforeKill).as("CDRs accepted before the kill").isBetween(CDRS / 3, CDRS - 1);
            assertThat(locationsReceived(peer)).as("the push backlog was cut short").isLessThan(SITES);

            try (AdapterProcess second = AdapterProcess.start(settings, work.resolve("second.log"))) {
                // The peer sends again what it has no answer for; what it had answered stays as it was.
                for (String cdrId : cdrIds) {
                    if (!accepted.contains(cdrId)) {
                        Reply reply = second.ocpi("POST", "/ocpi/emsp/2.2.1/cdrs", token, Samples.cdr("PCP", cdrId, "ADE"));
                        assertThat(reply.status()).as(cdrId).isIn(200, 201);
                        assertThat(reply.ocpiStatus()).isEqualTo(1000);
                    }
                }
                JdbcTemplate db = database(settings);
                await().atMost(Duration.ofSeconds(120)).until(() -> billedCount(db), n -> n == CDRS);
                Map<String, Integer> lines = db.query("SELECT cdr_id, COUNT(*) AS n FROM billing_line_item WHERE cdr_id LIKE 'CRASH-CDR-%' GROUP BY cdr_id",
                        (rs, row) -> Map.entry(rs.getString("cdr_id"), rs.getInt("n"))).stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                assertThat(lines.keySet()).containsAll(accepted).hasSize(CDRS);
                assertThat(lines).allSatisfy((cdrId, n) -> assertThat(n).as(cdrId).isEqualTo(1));

                await().atMost(Duration.ofSeconds(120)).until(() -> locationsReceived(peer) == SITES);
                // Nothing for the billing route is left waiting or given up.
                await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                        "SELECT COUNT(*) FROM ocpi_outbox WHERE route LIKE '%cdrs.received.billing%'", Integer.class) == 0);
            }
            System.out.printf("crash recovery: %d CDRs sent, %d accepted before the kill, %d billed after the restart, 0 twice; "
                    + "%d of %d locations pushed%n", CDRS, acceptedBeforeKill, CDRS, SITES, SITES);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static JdbcTemplate database(Map<String, Object> settings) {
        return new JdbcTemplate(new SingleConnectionDataSource(settings.get("spring.datasource.url").toString(),
                settings.get("spring.datasource.username").toString(), settings.get("spring.datasource.password").toString(), true));
    }

    /** Sites of the asset register, each with a charge point and a connector, added at once for the adapter to publish. */
    static void addSites(JdbcTemplate db, List<String> siteIds) {
        Timestamp now = Timestamp.from(Instant.now());
        new TransactionTemplate(new DataSourceTransactionManager(db.getDataSource())).executeWithoutResult(tx -> {
            db.batchUpdate("""
                    INSERT INTO asset_site (site_id, name, street, postal_code, city, country, latitude, longitude, time_zone,
                                            parking_type, public_site, open_24_7, changed_at)
                    VALUES (?, ?, 'Stationsplein 1', '3511 AA', 'Utrecht', 'NLD', '52.09000', '5.11000', 'Europe/Amsterdam',
                            'ON_STREET', TRUE, TRUE, ?)""", siteIds.stream().map(id -> new Object[] {id, "Site " + id, now}).toList());
            db.batchUpdate("""
                    INSERT INTO asset_charge_point (evse_uid, site_id, evse_id, asset_state, capabilities, physical_reference, changed_at)
                    VALUES (?, ?, ?, 'IN_SERVICE', 'RFID_READER', '1', ?)""",
                    siteIds.stream().map(id -> new Object[] {id + "-1", id, "NL*ADC*E" + id.substring(5), now}).toList());
            db.batchUpdate("""
                    INSERT INTO asset_connector (evse_uid, connector_id, standard, cable, power_type, max_voltage, max_amperage,
                                                 max_power_w, changed_at)
                    VALUES (?, '1', 'IEC_62196_T2', FALSE, 'AC_3_PHASE', 230, 32, 22000, ?)""",
                    siteIds.stream().map(id -> new Object[] {id + "-1", now}).toList());
        });
    }

    static int billedCount(JdbcTemplate db) {
        return db.queryForObject("SELECT COUNT(DISTINCT cdr_id) FROM billing_line_item WHERE cdr_id LIKE 'CRASH-CDR-%'", Integer.class);
    }

    /** Distinct Locations the peer has received. */
    static long locationsReceived(FakePeer peer) {
        return peer.received().stream().filter(r -> r.method().equals("PUT") && r.path().matches("/2\\.2\\.1/receiver/locations/NL/ADC/CRASH\\d{4}"))
                .map(FakePeer.Received::path).distinct().count();
    }
}
