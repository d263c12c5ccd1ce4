package io.ocpi.adapter.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.TestDatabase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * The outbox over real HTTP: a peer that goes down gets every change when it is back, in order per object and none
 * twice, even across a restart of the adapter or with two adapters sharing the database; a change the peer refuses
 * waits as a dead letter until it is replayed.
 */
class PushTest {

    static final Map<String, Object> FAST = Map.of(
            "ocpi.push.poll-interval", "100ms", "ocpi.push.initial-backoff", "100ms", "ocpi.push.max-backoff", "400ms",
            "ocpi.push.offline-after", 3, "ocpi.push.alive-check", "300ms");

    static String version(String id, int version) {
        return Samples.location(id, "2024-01-01T00:%02d:00Z".formatted(version));
    }

    /** What the peer received for one location, in order: the minute of each last_updated. */
    static List<Integer> versionsReceived(FakePeer peer, String id) {
        return peer.versionsReceived("/2.2.1/receiver/locations/NL/ADC/" + id, Instant.MIN);
    }

    static void receiveLocations(FakePeer peer, String... ids) {
        for (String id : ids) {
            peer.on("/2.2.1/receiver/locations/NL/ADC/" + id, Answer.ocpi("null"));
        }
    }

    @Test
    void aPeerThatWasDownGetsEveryChangeInOrderAndNoneTwice() {
        try (PeerPlatform platform = PeerPlatform.start("push-down", FAST)) {
            receiveLocations(platform.peer, "A", "B");
            platform.peer.stop();
            for (int version = 1; version <= 5; version++) {
                platform.publish("locations", version("A", version));
                platform.publish("locations", version("B", version));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> peerStatus(platform).equals("OFFLINE"));

            platform.peer.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> versionsReceived(platform.peer, "A").size() == 5
                    && versionsReceived(platform.peer, "B").size() == 5);
            assertThat(versionsReceived(platform.peer, "A")).containsExactly(1, 2, 3, 4, 5);
            assertThat(versionsReceived(platform.peer, "B")).containsExactly(1, 2, 3, 4, 5);
            assertThat(peerStatus(platform)).isEqualTo("CONNECTED");
            FakePeer.Received one = platform.peer.received("/2.2.1/receiver/locations/NL/ADC/A").get(0);
            assertThat(one.method()).isEqualTo("PUT");
            assertThat(one.header("OCPI-from-party-id")).isEqualTo("ADC");
            assertThat(platform.adapter.admin("GET", "/outbox", null).json()).isEmpty();
        }
    }

    @Test
    void aRefusedPushIsADeadLetterUntilReplayed() {
        try (PeerPlatform platform = PeerPlatform.start("push-dead", FAST)) {
            platform.peer.on("/2.2.1/receiver/locations/NL/ADC/R", new Answer(400,
                    "{\"status_code\":2001,\"status_message\":\"evses: not what we expected\",\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of()));
            platform.publish("locations", version("R", 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> platform.adapter.admin("GET", "/outbox/DEAD", null).json().size() == 1);
            JsonNode dead = platform.adapter.admin("GET", "/outbox/DEAD", null).json().get(0);
            assertThat(dead.get("last_error").asText()).contains("2001").contains("evses: not what we expected");
            assertThat(platform.peer.received("/2.2.1/receiver/locations/NL/ADC/R")).hasSize(1);
            JsonNode deadGauge = platform.adapter.admin("GET", "/metrics/ocpi.push.backlog?tag=status:dead", null).assertStatus(200).json();
            assertThat(deadGauge.get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);

            receiveLocations(platform.peer, "R");
            Reply replayed = platform.adapter.admin("POST", "/outbox/" + dead.get("id").asLong(), Map.of()).assertStatus(200);
            assertThat(replayed.json().get("replayed").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> platform.peer.received("/2.2.1/receiver/locations/NL/ADC/R").size() == 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> platform.adapter.admin("GET", "/outbox", null).json().isEmpty());
            assertThat(platform.adapter.admin("POST", "/outbox/999999", Map.of()).status()).isEqualTo(404);
            assertThat(platform.adapter.admin("POST", "/outbox/dead", Map.of("peer", 1)).json().get("replayed").asInt()).isZero();
        }
    }

    @Test
    void partialChangesArePatchedAndARefusedPatchIsFollowedByAPut() throws Exception {
        try (PeerPlatform platform = PeerPlatform.start("push-patch", FAST)) {
            receiveLocations(platform.peer, "P");
            platform.peer.on("/2.2.1/receiver/locations/NL/ADC/P/P-E1", request -> "PATCH".equals(request.method())
                    ? new Answer(400, "{\"status_code\":2001,\"status_message\":\"unknown EVSE\",\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of())
                    : Answer.ocpi("null"));
            platform.peer.on("/2.2.1/receiver/locations/NL/ADC/P/P-E1/1", Answer.ocpi("null"));
            platform.publish("locations", version("P", 1));

            platform.input("ocpi.locations.update", "{\"status\":\"CHARGING\",\"last_updated\":\"2024-01-01T01:00:00Z\"}",
                    Map.of("OcpiObjectId", "P", "OcpiEvseUid", "P-E1"));
            platform.input("ocpi.locations.update", "{\"max_amperage\":16,\"last_updated\":\"2024-01-01T02:00:00Z\"}",
                    Map.of("OcpiObjectId", "P", "OcpiEvseUid", "P-E1", "OcpiConnectorId", "1"));

            await().atMost(Duration.ofSeconds(10)).until(() -> platform.peer.received("/2.2.1/receiver/locations/NL/ADC/P/P-E1/1").size() == 1);
            List<FakePeer.Received> evse = platform.peer.received("/2.2.1/receiver/locations/NL/ADC/P/P-E1");
            assertThat(evse).extracting(FakePeer.Received::method).containsExactly("PATCH", "PUT");
            JsonNode put = AdapterInstance.JSON.readTree(evse.get(1).body());
            assertThat(put.get("status").asText()).isEqualTo("CHARGING");
            assertThat(put.get("connectors")).hasSize(1);
            FakePeer.Received connector = platform.peer.received("/2.2.1/receiver/locations/NL/ADC/P/P-E1/1").get(0);
            assertThat(connector.method()).isEqualTo("PATCH");
            assertThat(connector.body()).isEqualTo("{\"max_amperage\":16,\"last_updated\":\"2024-01-01T02:00:00Z\"}");

            JsonNode ours = platform.call("GET", "/ocpi/cpo/2.2.1/locations/P", null).data();
            assertThat(ours.get("last_updated").asText()).isEqualTo("2024-01-01T02:00:00Z");
            assertThat(ours.get("evses").get(0).get("connectors").get(0).get("max_amperage").asInt()).isEqualTo(16);
        }
    }

    @Test
    void aPeerThatLostTheLocationGetsTheWholeLocationWhenItRefusesAnEvse() throws Exception {
        try (PeerPlatform platform = PeerPlatform.start("push-lost", FAST)) {
            AtomicBoolean lost = new AtomicBoolean(false);
            platform.peer.on("/2.2.1/receiver/locations/NL/ADC/L", request -> {
                lost.set(false);
                return Answer.ocpi("null");
            });
            platform.peer.on("/2.2.1/receiver/locations/NL/ADC/L/L-E1", request -> lost.get()
                    ? new Answer(404, "{\"status_code\":2003,\"status_message\":\"unknown location\",\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of())
                    : Answer.ocpi("null"));
            platform.publish("locations", version("L", 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> versionsReceived(platform.peer, "L").size() == 1);
            lost.set(true);

            platform.input("ocpi.locations.update", "{\"status\":\"CHARGING\",\"last_updated\":\"2024-01-01T01:00:00Z\"}",
                    Map.of("OcpiObjectId", "L", "OcpiEvseUid", "L-E1"));

            await().atMost(Duration.ofSeconds(10)).until(() -> versionsReceived(platform.peer, "L").size() == 2);
            assertThat(platform.peer.received("/2.2.1/receiver/locations/NL/ADC/L/L-E1")).extracting(FakePeer.Received::method)
                    .containsExactly("PATCH", "PUT");
            FakePeer.Received whole = platform.peer.received("/2.2.1/receiver/locations/NL/ADC/L").get(1);
            assertThat(whole.method()).isEqualTo("PUT");
            JsonNode location = AdapterInstance.JSON.readTree(whole.body());
            assertThat(location.get("id").asText()).isEqualTo("L");
            assertThat(location.get("evses").get(0).get("status").asText()).isEqualTo("CHARGING");
            assertThat(location.get("last_updated").asText()).isEqualTo("2024-01-01T01:00:00Z");
            await().atMost(Duration.ofSeconds(5)).until(() -> platform.adapter.admin("GET", "/outbox", null).json().isEmpty());
        }
    }

    @Test
    void nothingIsLostOrSentTwiceAcrossARestartOfTheAdapter() {
        PeerPlatform platform = PeerPlatform.start("push-restart", FAST);
        receiveLocations(platform.peer, "C");
        platform.peer.stop();
        for (int version = 1; version <= 10; version++) {
            platform.publish("locations", version("C", version));
        }
        Map<String, Object> sameDatabase = new HashMap<>(platform.adapter.settings());
        platform.adapter.close();

        platform.peer.start();
        try (AdapterInstance again = AdapterInstance.start("push-restart-2", "NL", "AD", sameDatabase)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> versionsReceived(platform.peer, "C").size() >= 10);
            assertThat(versionsReceived(platform.peer, "C")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        } finally {
            platform.peer.close();
        }
    }

    @Test
    void twoAdaptersOnOneDatabaseSendEveryItemOnce() {
        System.out.println("PushTest two instances on " + TestDatabase.kind());
        PeerPlatform platform = PeerPlatform.start("push-twins", FAST);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add("T" + i);
        }
        receiveLocations(platform.peer, ids.toArray(String[]::new));
        platform.peer.stop();
        for (String id : ids) {
            for (int version = 1; version <= 3; version++) {
                platform.publish("locations", version(id, version));
            }
        }
        try (AdapterInstance twin = AdapterInstance.start("push-twins-2", "NL", "AD", new HashMap<>(platform.adapter.settings()))) {
            platform.peer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> versionsReceived(platform.peer, id).size() >= 3));
            for (String id : ids) {
                assertThat(versionsReceived(platform.peer, id)).as(id).containsExactly(1, 2, 3);
            }
        } finally {
            platform.close();
        }
    }

    @Test
    void everyListeningRouteGetsAReceivedCdrOnceEvenWhenItsBackendFailsForAWhile() throws Exception {
        try (PeerPlatform platform = PeerPlatform.start("push-events", FAST)) {
            List<String> billing = new CopyOnWriteArrayList<>();
            List<String> sap = new CopyOnWriteArrayList<>();
            AtomicInteger sapDown = new AtomicInteger(3);
            platform.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ocpi.cdrs.received.billing").process(e -> billing.add(e.getIn().getHeader("OcpiObjectId", String.class)));
                    from("direct:ocpi.cdrs.received.sap").process(e -> {
                        if (sapDown.getAndDecrement() > 0) {
                            throw new IOException("SFTP server not reachable");
                        }
                        sap.add(e.getIn().getHeader("OcpiObjectId", String.class) + "#" + e.getIn().getHeader("OcpiDeliveryId"));
                    });
                }
            });

            platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", "CDR-E1", "ADE")).assertStatus(201);
            platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", "CDR-E1", "ADE")).assertStatus(200);

            await().atMost(Duration.ofSeconds(15)).until(() -> sap.size() == 1);
            assertThat(billing).containsExactly("CDR-E1");
            assertThat(sap.get(0)).startsWith("CDR-E1#");
            Reply backlog = platform.adapter.admin("GET", "/outbox", null);
            assertThat(backlog.json()).isEmpty();
        }
    }

    @Test
    void anEventThatKeepsFailingBecomesADeadLetterAndCanBeReplayed() throws Exception {
        Map<String, Object> settings = new HashMap<>(FAST);
        settings.put("ocpi.push.max-attempts", 2);
        try (PeerPlatform platform = PeerPlatform.start("push-event-dead", settings)) {
            List<String> billed = new CopyOnWriteArrayList<>();
            AtomicBoolean broken = new AtomicBoolean(true);
            platform.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ocpi.cdrs.received").process(e -> {
                        if (broken.get()) {
                            throw new IllegalStateException("billing table locked");
                        }
                        billed.add(e.getIn().getHeader("OcpiObjectId", String.class));
                    });
                }
            });
            platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", "CDR-D1", "ADE")).assertStatus(201);

            await().atMost(Duration.ofSeconds(10)).until(() -> platform.adapter.admin("GET", "/outbox/DEAD", null).json().size() == 1);
            JsonNode dead = platform.adapter.admin("GET", "/outbox/DEAD", null).json().get(0);
            assertThat(dead.get("route").asText()).isEqualTo("direct://ocpi.cdrs.received");
            assertThat(dead.get("last_error").asText()).contains("billing table locked");
            assertThat(billed).isEmpty();

            broken.set(false);
            platform.adapter.admin("POST", "/outbox/dead", Map.of()).assertStatus(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> billed.size() == 1);
            assertThat(billed).containsExactly("CDR-D1");
        }
    }

    static String peerStatus(PeerPlatform platform) {
        return platform.adapter.admin("GET", "/peers", null).json().get(0).get("connection_status").asText();
    }

}
