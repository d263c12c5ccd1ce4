package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.ocpi.adapter.bindings.sftp.EmbeddedSftpServer;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.Ports;
import io.ocpi.adapter.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two adapter instances on one database and one cluster folder, as two containers behind a load balancer: the SFTP
 * inbound folder is polled by one of them at a time, every IDoc is processed once and every Token it makes is pushed
 * once (both instances drain the outbox), and when the polling instance stops the other takes over.
 */
class ClusteredPollersTest {

    static final String NAMESPACE = "sap-inbound";

    @TempDir
    Path sftpRoot;

    @TempDir
    Path cluster;

    @Test
    void theInboundFolderIsPolledByOneInstanceAndTheOtherTakesOverWhenItStops() throws Exception {
        System.out.println("ClusteredPollersTest on " + TestDatabase.kind());
        int sftpPort = Ports.free();
        EmbeddedSftpServer sftp = new EmbeddedSftpServer(sftpPort, sftpRoot.resolve("home"), "sap", "secret", List.of("inbound", "outbound"));
        sftp.start();
        Map<String, Object> settings = new HashMap<>();
        settings.put("ocpi.push.poll-interval", "100ms");
        settings.put("ocpi.push.initial-backoff", "200ms");
        settings.put("ocpi.bindings.sftp.enabled", true);
        settings.put("ocpi.bindings.sftp.port", sftpPort);
        settings.put("ocpi.bindings.sftp.username", "sap");
        settings.put("ocpi.bindings.sftp.password", "secret");
        settings.put("ocpi.bindings.sftp.poll-interval", 200);
        settings.put("camel.cluster.file.root", cluster.toString());
        settings.put("camel.cluster.file.acquire-lock-interval", "1s");
        PeerPlatform platform = PeerPlatform.start("cluster-first", settings);
        AdapterInstance first = platform.adapter;
        AdapterInstance second = AdapterInstance.start("cluster-second", "NL", "AD", new HashMap<>(first.settings()));
        List<AdapterInstance> running = new ArrayList<>(List.of(first, second));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> running.stream().filter(ClusteredPollersTest::leads).count() == 1);
            AdapterInstance leader = running.stream().filter(ClusteredPollersTest::leads).findFirst().orElseThrow();
            AdapterInstance follower = leader == first ? second : first;

            List<String> uids = dropContracts(platform, sftpRoot.resolve("home/inbound"), 1, 20);
            awaitEachPushedOnce(platform, uids);
            assertThat(idocsRead(leader)).isEqualTo(20);
            assertThat(idocsRead(follower)).isZero();
            try (var done = Files.list(sftpRoot.resolve("home/inbound/done"))) {
                assertThat(done.count()).isEqualTo(20);
            }

            // The polling instance stops (a rolling update, a crash): the other one takes the folder over.
            leader.close();
            running.remove(leader);
            await().atMost(Duration.ofSeconds(20)).until(() -> leads(follower));
            List<String> later = dropContracts(platform, sftpRoot.resolve("home/inbound"), 21, 5);
            awaitEachPushedOnce(platform, later);
            assertThat(idocsRead(follower)).isEqualTo(5);
        } finally {
            running.forEach(AdapterInstance::close);
            platform.peer.close();
            sftp.stop();
        }
    }

    /** Drops contract IDocs numbered from {@code first}, each with one card, into {@code inbound}; answers their cards' uids. */
    static List<String> dropContracts(PeerPlatform platform, Path inbound, int first, int count) throws IOException {
        List<String> uids = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            String uid = String.format("04CL%06d", n);
            platform.peer.on("/2.2.1/receiver/tokens/NL/ADE/" + uid, Answer.ocpi("null"));
            String idoc = Samples.contractIdoc(String.format("%016d", 900_000 + n), "NL-ADE-CL" + n, "ACTIVE", uid);
            Path part = inbound.resolve("contract-" + n + ".idoc.part");
            Files.writeString(part, idoc, StandardCharsets.UTF_8);
            Files.move(part, inbound.resolve("contract-" + n + ".idoc"));
            uids.add(uid);
        }
        return uids;
    }

    static void awaitEachPushedOnce(PeerPlatform platform, List<String> uids) throws InterruptedException {
        await().atMost(Duration.ofSeconds(30)).until(() -> uids.stream()
                .allMatch(uid -> !platform.peer.received("/2.2.1/receiver/tokens/NL/ADE/" + uid).isEmpty()));
        Thread.sleep(1000);
        for (String uid : uids) {
            assertThat(platform.peer.received("/2.2.1/receiver/tokens/NL/ADE/" + uid)).as(uid).hasSize(1);
        }
    }

    static boolean leads(AdapterInstance instance) {
        try {
            return ClusterServiceHelper.lookupService(instance.bean(CamelContext.class)).orElseThrow()
                    .getView(NAMESPACE).getLocalMember().isLeader();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double idocsRead(AdapterInstance instance) {
        return instance.bean(MeterRegistry.class).get("ocpi.idoc.files").tag("direction", "read").counter().count();
    }
}
