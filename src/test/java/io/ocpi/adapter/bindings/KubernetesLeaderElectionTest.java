package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.ocpi.adapter.bindings.sftp.EmbeddedSftpServer;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Ports;
import io.ocpi.adapter.support.SapBindingSettings;
import io.ocpi.adapter.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two adapter pods on one database, with the shipped profile {@code kubernetes}: the pollers' leader is elected with
 * Leases of a Kubernetes API server (fabric8's mock server, in CRUD mode; the test plays the kubelet, creating the
 * pods as running and ready, and deleting the one that stops). One pod polls the SFTP inbound folder and billing's
 * changed cards, every IDoc and every card becomes one push; when it stops, the other takes over within the lease time
 * and nothing is processed twice.
 */
class KubernetesLeaderElectionTest {

    static final String NAMESPACE = "ocpi";
    static final Map<String, String> LABELS = Map.of("app.kubernetes.io/name", "ocpi-adapter");
    static final long LEASE_MILLIS = 6000;
    static final long RETRY_MILLIS = 1000;

    @TempDir
    Path sftpRoot;

    KubernetesMockServer apiServer;
    KubernetesClient kubernetes;

    @BeforeEach
    void startApiServer() {
        apiServer = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        apiServer.init();
        kubernetes = apiServer.createClient();
        // The adapters find the API server as in a pod or with kubectl, from the client's own settings (in a pod: its
        // service account; here: the client's system properties, as KUBERNETES_MASTER and KUBERNETES_NAMESPACE would).
        clientProperties(apiServer.url("/")).forEach(System::setProperty);
    }

    static Map<String, String> clientProperties(String masterUrl) {
        return Map.of("kubernetes.master", masterUrl, "kubernetes.namespace", NAMESPACE,
                "kubernetes.auth.tryKubeConfig", "false", "kubernetes.auth.tryServiceAccount", "false");
    }

    @AfterEach
    void stopApiServer() {
        clientProperties("").keySet().forEach(System::clearProperty);
        kubernetes.close();
        apiServer.destroy();
    }

    @Test
    void onePodLeadsThePollersAndTheOtherTakesOverWithinTheLeaseWhenItGoes() throws Exception {
        System.out.println("KubernetesLeaderElectionTest on " + TestDatabase.kind());
        int sftpPort = Ports.free();
        EmbeddedSftpServer sftp = new EmbeddedSftpServer(sftpPort, sftpRoot.resolve("home"), SapBindingSettings.USER, SapBindingSettings.PASSWORD,
                List.of("inbound", "outbound"));
        sftp.start();
        Map<String, Object> settings = SapBindingSettings.on(sftpPort);
        settings.put("spring.profiles.active", "kubernetes");
        settings.put("camel.cluster.kubernetes.lease-duration-millis", LEASE_MILLIS);
        settings.put("camel.cluster.kubernetes.renew-deadline-millis", 5000);
        settings.put("camel.cluster.kubernetes.retry-period-millis", RETRY_MILLIS);
        settings.put("logging.level.io.fabric8.mockwebserver", "WARN");
        settings.put("ocpi.push.poll-interval", "100ms");
        settings.put("ocpi.push.initial-backoff", "200ms");
        settings.put("ocpi.bindings.billing.enabled", true);
        settings.put("ocpi.bindings.billing.poll-interval", 200);
        runningAndReady("ocpi-adapter-a");
        runningAndReady("ocpi-adapter-b");
        settings.put("camel.cluster.kubernetes.pod-name", "ocpi-adapter-a");
        PeerPlatform platform = PeerPlatform.start("k8s-first", settings);
        Map<String, Object> second = new HashMap<>(platform.adapter.settings());
        second.put("camel.cluster.kubernetes.pod-name", "ocpi-adapter-b");
        // The billing tables exist: the second pod does not create them again.
        second.put("ocpi.bindings.billing.init-scripts", "");
        List<AdapterInstance> running = new ArrayList<>(List.of(platform.adapter, AdapterInstance.start("k8s-second", "NL", "AD", second)));
        try {
            for (String poller : List.of("sap-inbound", "billing-cards")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> running.stream().filter(pod -> leads(pod, poller)).count() == 1);
            }
            AdapterInstance leader = running.stream().filter(pod -> leads(pod, "sap-inbound")).findFirst().orElseThrow();
            AdapterInstance follower = running.stream().filter(pod -> pod != leader).findFirst().orElseThrow();
            assertThat(leads(leader, "billing-cards")).isTrue();
            assertThat(holder("leaders-sap-inbound")).isEqualTo(podName(leader));

            List<String> uids = ClusteredPollersTest.dropContracts(platform, sftpRoot.resolve("home/inbound"), 1, 20);
            uids.addAll(addCards(follower, platform, 1, 20));
            ClusteredPollersTest.awaitEachPushedOnce(platform, uids);
            assertThat(ClusteredPollersTest.idocsRead(leader)).isEqualTo(20);
            assertThat(ClusteredPollersTest.idocsRead(follower)).isZero();

            // The leading pod stops (a rolling update, a node drained): Kubernetes deletes it once its container has
            // ended, and the other pod takes the pollers over.
            String leadingPod = podName(leader);
            leader.close();
            running.remove(leader);
            long gone = System.nanoTime();
            kubernetes.pods().inNamespace(NAMESPACE).withName(leadingPod).delete();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> leads(follower, "sap-inbound") && leads(follower, "billing-cards"));
            long takeOverMillis = (System.nanoTime() - gone) / 1_000_000;
            System.out.println("KubernetesLeaderElectionTest: took over " + takeOverMillis + " ms after the leading pod went (lease "
                    + LEASE_MILLIS + " ms, retry period " + RETRY_MILLIS + " ms)");
            // It notices within a retry period (with jitter), then waits a lease time for the old leader to stop.
            assertThat(takeOverMillis).isBetween(LEASE_MILLIS, LEASE_MILLIS + 2 * RETRY_MILLIS + 2000);
            assertThat(holder("leaders-sap-inbound")).isEqualTo(podName(follower));

            List<String> later = ClusteredPollersTest.dropContracts(platform, sftpRoot.resolve("home/inbound"), 21, 5);
            later.addAll(addCards(follower, platform, 21, 5));
            ClusteredPollersTest.awaitEachPushedOnce(platform, later);
            assertThat(ClusteredPollersTest.idocsRead(follower)).isEqualTo(5);
            // Nothing the first pod had pushed is pushed again by the second.
            for (String uid : uids) {
                assertThat(platform.peer.received("/2.2.1/receiver/tokens/NL/ADE/" + uid)).as(uid).hasSize(1);
            }
        } finally {
            running.forEach(AdapterInstance::close);
            platform.peer.close();
            sftp.stop();
        }
    }

    /** Which pod holds a Lease of the API server. */
    String holder(String lease) {
        Lease found = kubernetes.leases().inNamespace(NAMESPACE).withName(lease).get();
        assertThat(found).as("Lease %s on the API server", lease).isNotNull();
        return found.getSpec().getHolderIdentity();
    }

    /** A pod as the kubelet reports it once its container runs and its readiness probe answers. */
    void runningAndReady(String name) {
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(LABELS).endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus()
                .build();
        kubernetes.pods().inNamespace(NAMESPACE).resource(pod).create();
    }

    /** Cards added in billing (the tables in the adapters' database), numbered from {@code first}; answers their uids. */
    static List<String> addCards(AdapterInstance pod, PeerPlatform platform, int first, int count) {
        JdbcTemplate billing = new JdbcTemplate(pod.bean(DataSource.class));
        List<String> uids = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            String uid = String.format("04KB%06d", n);
            String contract = "NL-ADE-KB" + n;
            platform.peer.on("/2.2.1/receiver/tokens/NL/ADE/" + uid, Answer.ocpi("null"));
            billing.update("""
                    INSERT INTO billing_contract (contract_id, customer_name, state, balance_due, changed_at)
                    VALUES (?, 'E. Smit', 'ACTIVE', 0, CURRENT_TIMESTAMP)""", contract);
            billing.update("INSERT INTO billing_card (uid, contract_id, card_type, changed_at) VALUES (?, ?, 'RFID', CURRENT_TIMESTAMP)", uid, contract);
            uids.add(uid);
        }
        return uids;
    }

    static boolean leads(AdapterInstance pod, String poller) {
        try {
            return clusterService(pod).getView(poller).getLocalMember().isLeader();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String podName(AdapterInstance pod) {
        return ((KubernetesClusterService) clusterService(pod)).getPodName();
    }

    static CamelClusterService clusterService(AdapterInstance pod) {
        return ClusterServiceHelper.lookupService(pod.bean(CamelContext.class)).orElseThrow();
    }
}
