package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.micrometer.core.instrument.MeterRegistry;
import io.ocpi.adapter.bindings.sftp.EmbeddedSftpServer;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.Ports;
import io.ocpi.adapter.support.SapBindingSettings;
import io.ocpi.adapter.support.Samples;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.master.MasterConsumer;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SAP's inbound folder as an outsider or a careless file drop uses it, over real SFTP (MINA SSHD): a file written
 * slowly under its final name, two files of one name, a file over the size limit, a symbolic link, and a poller
 * that stops. The route is the shipped one in routes/sap.camel.yaml, with shorter timings.
 */
@ExtendWith(OutputCaptureExtension.class)
class SapInboundTest {

    static final String ROUTE = "sap-contracts-to-tokens";
    static final int STABLE_FOR_MILLIS = 3000;
    static final int MAX_FILE_SIZE = 8192;

    @TempDir
    static Path sftpRoot;

    static EmbeddedSftpServer sftp;
    static int sftpPort;
    static AdapterInstance adapter;
    static JdbcTemplate db;

    @BeforeAll
    static void start() {
        sftpPort = Ports.free();
        sftp = new EmbeddedSftpServer(sftpPort, sftpRoot.resolve("home"), SapBindingSettings.USER, SapBindingSettings.PASSWORD,
                List.of("inbound", "outbound"));
        sftp.start();
        Map<String, Object> settings = SapBindingSettings.on(sftpPort);
        settings.put("ocpi.bindings.sftp.stable-for", STABLE_FOR_MILLIS);
        settings.put("ocpi.bindings.sftp.max-file-size", MAX_FILE_SIZE + "B");
        adapter = AdapterInstance.start("sap-inbound", "NL", "AD", settings);
        db = new JdbcTemplate(adapter.bean(DataSource.class));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (sftp != null) {
            sftp.stop();
        }
    }

    @Test
    void aFileWrittenSlowlyUnderItsFinalNameIsReadOnlyOnceComplete() throws Exception {
        String first = uid();
        String second = uid();
        Session session = session();
        try {
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect();
            try (OutputStream out = channel.put("inbound/slow.idoc")) {
                out.write(Samples.contractIdoc(docnum(), "NL-ADE-" + first, "ACTIVE", first).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // Several polls pass while the sender pauses, well within the time a file must stay unchanged.
                Thread.sleep(STABLE_FOR_MILLIS / 2);
                out.write(Samples.contractIdoc(docnum(), "NL-ADE-" + second, "ACTIVE", second).getBytes(StandardCharsets.US_ASCII));
            }
            channel.disconnect();
        } finally {
            session.disconnect();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> archived("done", "slow.idoc").size() == 1);
        assertThat(tokens(first)).isEqualTo(1);
        assertThat(tokens(second)).as("the second IDoc, written after a pause").isEqualTo(1);
        System.out.printf("SFTP inbound: a file uploaded in two parts %d ms apart read once complete (2 of 2 IDocs)%n", STABLE_FOR_MILLIS / 2);
    }

    @Test
    void aSecondFileOfTheSameNameIsKeptBesideTheFirstInDoneAndInError() throws Exception {
        String first = uid();
        String second = uid();
        drop("same.idoc", Samples.contractIdoc(docnum(), "NL-ADE-" + first, "ACTIVE", first));
        await().atMost(Duration.ofSeconds(20)).until(() -> tokens(first) == 1 && archived("done", "same.idoc").size() == 1);
        drop("same.idoc", Samples.contractIdoc(docnum(), "NL-ADE-" + second, "ACTIVE", second));
        await().atMost(Duration.ofSeconds(20)).until(() -> tokens(second) == 1 && archived("done", "same.idoc").size() == 2);
        assertThat(archived("done", "same.idoc").stream().map(SapInboundTest::read))
                .anySatisfy(text -> assertThat(text).contains(first))
                .anySatisfy(text -> assertThat(text).contains(second));

        drop("broken.idoc", "not an IDoc, first");
        await().atMost(Duration.ofSeconds(20)).until(() -> archived("error", "broken.idoc").size() == 1);
        drop("broken.idoc", "not an IDoc, second");
        await().atMost(Duration.ofSeconds(20)).until(() -> archived("error", "broken.idoc").size() == 2);
        List<Path> broken = archived("error", "broken.idoc");
        assertThat(broken.stream().map(SapInboundTest::read)).containsExactlyInAnyOrder("not an IDoc, first", "not an IDoc, second");
        await().atMost(Duration.ofSeconds(10)).until(() -> broken.stream().allMatch(file -> Files.exists(reasonOf(file))));
    }

    @Test
    void aFileOverTheSizeLimitGoesToTheErrorFolderUnread() throws Exception {
        double refusedBefore = refusedFiles();
        String uid = uid();
        StringBuilder file = new StringBuilder(Samples.contractIdoc(docnum(), "NL-ADE-" + uid, "ACTIVE", uid));
        while (file.length() < MAX_FILE_SIZE + 1) {
            file.append(Samples.contractIdoc(docnum(), "NL-ADE-" + uid(), "ACTIVE", uid()));
        }
        file.setLength(MAX_FILE_SIZE + 1);
        drop("large.idoc", file.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> archived("error", "large.idoc").size() == 1);
        Path refused = archived("error", "large.idoc").get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(reasonOf(refused)));
        assertThat(read(reasonOf(refused))).contains(String.valueOf(MAX_FILE_SIZE + 1)).contains("ocpi.bindings.sftp.max-file-size");
        assertThat(tokens(uid)).as("nothing of the file was read").isZero();
        assertThat(refusedFiles()).as("counted with the files the route refused").isEqualTo(refusedBefore + 1);
        System.out.printf("SFTP inbound: a file of %d bytes over a limit of %d refused unread%n", MAX_FILE_SIZE + 1, MAX_FILE_SIZE);
    }

    @Test
    void aSymbolicLinkInTheInboundFolderIsMovedToTheErrorFolderOnce(CapturedOutput output, @TempDir Path outside) throws Exception {
        String uid = uid();
        Path target = Files.writeString(outside.resolve("secret.idoc"), Samples.contractIdoc(docnum(), "NL-ADE-" + uid, "ACTIVE", uid));
        Files.createSymbolicLink(sftpRoot.resolve("home/inbound/linked.idoc"), target);
        await().atMost(Duration.ofSeconds(20)).until(() -> archived("error", "linked.idoc").size() == 1);
        Path moved = archived("error", "linked.idoc").get(0);
        assertThat(Files.isSymbolicLink(moved)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(reasonOf(moved)));
        assertThat(read(reasonOf(moved))).contains("symbolic link");
        Thread.sleep(1000);
        assertThat(Files.readString(target)).contains(uid);
        assertThat(tokens(uid)).isZero();
        assertThat(output.getOut().lines().filter(line -> line.contains("linked.idoc") && line.contains("WARN"))).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void readinessIsDownWhileTheInboundFolderIsNoLongerPolled() throws Exception {
        CamelContext camel = adapter.bean(CamelContext.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> poller(camel) != null);
        assertThat(adapter.admin("GET", "/health/readiness", null).status()).isEqualTo(200);
        try {
            // The poll task ends, as when an Error escapes a poll: the route still says it is started.
            poller(camel).getScheduler().unscheduleTask();
            await().atMost(Duration.ofSeconds(30)).until(() -> adapter.admin("GET", "/health/readiness", null).status() == 503);
            JsonNode pollers = adapter.admin("GET", "/health/readiness", null).json().at("/components/pollers");
            assertThat(pollers.get("status").asText()).isEqualTo("DOWN");
            assertThat(pollers.get("details").toString()).contains("sftp://localhost:" + sftpPort + "/inbound").contains("stopped polling");
        } finally {
            camel.getRouteController().stopRoute(ROUTE);
            camel.getRouteController().startRoute(ROUTE);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> adapter.admin("GET", "/health/readiness", null).status() == 200);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static String uid() {
        return "04" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String docnum() {
        return String.format("%016d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000_000_000L));
    }

    static int tokens(String uid) {
        return db.queryForObject("SELECT COUNT(*) FROM ocpi_object WHERE module = 'tokens' AND object_id = ?", Integer.class, uid);
    }

    /** Written under a temporary name, then renamed, as a well-behaved sender does. */
    static double refusedFiles() {
        return adapter.bean(MeterRegistry.class).get("ocpi.idoc.files").tag("direction", "refused").counter().count();
    }

    static void drop(String name, String content) throws Exception {
        Path inbound = sftpRoot.resolve("home/inbound");
        Path part = inbound.resolve(name + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, inbound.resolve(name));
    }

    /** The files in done/ or error/ that came from a file of this name (reason files aside). */
    static List<Path> archived(String folder, String name) throws Exception {
        Path archive = sftpRoot.resolve("home/inbound").resolve(folder);
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        String base = name.substring(0, name.lastIndexOf('.'));
        String extension = name.substring(name.lastIndexOf('.'));
        try (Stream<Path> files = Files.list(archive)) {
            return files.filter(file -> {
                String archived = file.getFileName().toString();
                return archived.equals(name) || archived.startsWith(base + "-") && archived.endsWith(extension);
            }).toList();
        }
    }

    static Path reasonOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".reason");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Session session() throws Exception {
        Session session = new JSch().getSession(SapBindingSettings.USER, "localhost", sftpPort);
        session.setPassword(SapBindingSettings.PASSWORD);
        session.setConfig("StrictHostKeyChecking", "no");
        session.connect(5000);
        return session;
    }

    /** The SFTP consumer polling the inbound folder on this instance, the leader (null before it starts). */
    static ScheduledPollConsumer poller(CamelContext camel) throws Exception {
        MasterConsumer master = (MasterConsumer) camel.getRoute(ROUTE).getConsumer();
        Field delegate = MasterConsumer.class.getDeclaredField("delegatedConsumer");
        delegate.setAccessible(true);
        return (ScheduledPollConsumer) delegate.get(master);
    }
}
