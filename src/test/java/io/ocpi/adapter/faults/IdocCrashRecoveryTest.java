package io.ocpi.adapter.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.bindings.sftp.EmbeddedSftpServer;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterProcess;
import io.ocpi.adapter.support.Ports;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.SapBindingSettings;
import io.ocpi.adapter.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The adapter, in a JVM of its own, is killed with SIGKILL again and again while it turns one file of contract IDocs
 * into Tokens, each time at a random point, and started again on the same database and SFTP folder: in the end every
 * DOCNUM of the file is recorded as processed and has its Token, once.
 */
class IdocCrashRecoveryTest {

    static final int IDOCS = 800;
    static final int KILLS = 5;

    @TempDir
    Path sftpRoot;

    @Test
    void everyIdocOfAFileBecomesItsTokenOnceWhateverPointTheAdapterIsKilledAt() throws Exception {
        Path work = Path.of("target", "idoc-crash-recovery");
        FileSystemUtils.deleteRecursively(work);
        int sftpPort = Ports.free();
        EmbeddedSftpServer sftp = new EmbeddedSftpServer(sftpPort, sftpRoot.resolve("home"), SapBindingSettings.USER, SapBindingSettings.PASSWORD,
                List.of("inbound", "outbound"));
        sftp.start();
        Map<String, Object> extra = SapBindingSettings.on(sftpPort);
        extra.putAll(TestDatabase.shared("idoccrash", work));
        extra.put("server.port", Ports.free());
        Map<String, Object> settings = AdapterInstance.settings("idoccrash", "NL", "AD", extra);
        JdbcTemplate db = CrashRecoveryTest.database(settings);

        List<String> uids = IntStream.range(0, IDOCS).mapToObj(i -> String.format("04CRASH%05d", i)).toList();
        String file = IntStream.range(0, IDOCS)
                .mapToObj(i -> Samples.contractIdoc(String.format("%016d", 8_000_000 + i), "NL-ADE-K" + i, "ACTIVE", uids.get(i)))
                .collect(Collectors.joining());
        Path inbound = sftpRoot.resolve("home/inbound");
        Files.writeString(inbound.resolve("contracts.part"), file, StandardCharsets.UTF_8);
        Files.move(inbound.resolve("contracts.part"), inbound.resolve("contracts.idoc"));

        Random random = new Random();
        List<Integer> killedAt = new ArrayList<>();
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                AdapterProcess adapter = AdapterProcess.start(settings, work.resolve("run-" + kill + ".log"));
                try {
                    int stored = tokens(db);
                    int left = IDOCS - stored;
                    if (left < 2) {
                        break;
                    }
                    int target = stored + 1 + random.nextInt(Math.max(1, 2 * left / (KILLS - kill + 1)));
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> tokens(db) >= target);
                    adapter.kill();
                    killedAt.add(tokens(db));
                } finally {
                    adapter.close();
                }
            }
            try (AdapterProcess last = AdapterProcess.start(settings, work.resolve("run-last.log"))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(inbound.resolve("done/contracts.idoc")));
            }
        } finally {
            sftp.stop();
        }

        assertThat(killedAt).as("kills mid-file").hasSizeGreaterThanOrEqualTo(3);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM camel_messageprocessed WHERE processorname = 'sap-inbound'", Integer.class))
                .isEqualTo(IDOCS);
        Map<String, Integer> perUid = db.query("SELECT object_id, COUNT(*) AS n FROM ocpi_object WHERE module = 'tokens' GROUP BY object_id",
                (rs, row) -> Map.entry(rs.getString("object_id"), rs.getInt("n"))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(uids.stream().filter(uid -> !perUid.containsKey(uid))).as("IDocs recorded as processed whose Token was never stored").isEmpty();
        assertThat(perUid).allSatisfy((uid, n) -> assertThat(n).as(uid).isEqualTo(1));
        System.out.printf("idoc crash recovery: %d IDocs in one file, killed %d times (with %s Tokens stored), %d Tokens after the restart, 0 lost, 0 twice%n",
                IDOCS, killedAt.size(), killedAt, perUid.size());
    }

    static int tokens(JdbcTemplate db) {
        return db.queryForObject("SELECT COUNT(*) FROM ocpi_object WHERE module = 'tokens'", Integer.class);
    }
}
