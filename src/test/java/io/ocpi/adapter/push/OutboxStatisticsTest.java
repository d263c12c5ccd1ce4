package io.ocpi.adapter.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backlog that comes into an outbox whose statistics were taken while it was empty (a peer back after an outage):
 * the first claims are planned for an empty table and take seconds each, until the outbox renews its statistics
 * itself rather than wait for autovacuum. PostgreSQL only: H2 plans without statistics.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutboxStatisticsTest {

    @Test
    void aSlowClaimRenewsTheOutboxStatistics(CapturedOutput output) {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "statistics and plans are PostgreSQL's");
        try (AdapterInstance adapter = AdapterInstance.start("outbox-statistics", "NL", "OS",
                // Claims are the test's own: the delivery threads poll once at the start, then not for the hour.
                Map.of("ocpi.push.poll-interval", "1h"))) {
            JdbcClient jdbc = adapter.bean(JdbcClient.class);
            jdbc.sql("ALTER TABLE ocpi_outbox SET (autovacuum_enabled = false)").update();
            long peer = jdbc.sql("""
                    INSERT INTO peer (name, status, connection_status, token_encoding, created_at, updated_at)
                    VALUES ('behind', 'INVITED', 'CONNECTED', 'BASE64', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id""")
                    .query(Long.class).single();
            // An outbox that was full once (its pages are still there), emptied, and analyzed while empty: what
            // autovacuum leaves after a drain. (Autovacuum itself is off for the table here, so as not to renew it.)
            queueBacklog(jdbc, peer);
            jdbc.sql("DELETE FROM ocpi_outbox").update();
            jdbc.sql("ANALYZE ocpi_outbox").update();
            // Then the peer falls 100,000 changes behind again. It is only invited: nothing delivers them meanwhile.
            queueBacklog(jdbc, peer);

            Outbox.Claim claim = adapter.bean(Outbox.class).claim(64, Duration.ofMinutes(1), List.of(), List.of());

            assertThat(claim.items()).isNotEmpty();
            assertThat(output.getAll()).contains("renewing the outbox's statistics");
            assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = 'ocpi_outbox'::regclass").query(Double.class).single())
                    .as("rows the statistics count").isGreaterThan(50_000);
        }
    }

    /** 100 changes of each of 1,000 objects, as bench/seed-outbox.sql queues them. */
    private static void queueBacklog(JdbcClient jdbc, long peer) {
        jdbc.sql("""
                INSERT INTO ocpi_outbox (peer_id, module, object_key, method, path, body, status, attempts, next_attempt_at,
                                         created_at)
                SELECT ?, 'locations', 'locations/NL*OSC/' || e, 'PATCH', 'NL/OSC/' || e, '{}', 'PENDING', 0,
                       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
                FROM generate_series(0, 99) AS c, generate_series(0, 999) AS e
                ORDER BY c, e""").param(peer).update();
    }
}
