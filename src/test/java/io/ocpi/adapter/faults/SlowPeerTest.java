package io.ocpi.adapter.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two peers take our Location pushes; one of them gets into trouble: it answers only after 30 s (a peer under load),
 * or takes requests and never answers (stuck behind its load balancer). The healthy peer must get every change at
 * once, as if nothing happened; the troubled one holds at most its share of the delivery threads, each call cut by
 * the request timeout (5 s here), and gets every change later, once it answers again: in order, none lost, none twice.
 * Meanwhile the adapter serves its own OCPI requests as usual.
 */
class SlowPeerTest {

    static final Duration PEER_DELAY = Duration.ofSeconds(30);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final int DESTINATION_PARALLELISM = 3;
    static final int PARALLELISM = 8;
    static final List<String> LOCATIONS = IntStream.rangeClosed(1, 8).mapToObj(n -> "SLOW" + n).toList();

    static final Map<String, Object> SETTINGS = Map.of(
            "ocpi.client.request-timeout", REQUEST_TIMEOUT.toMillis() + "ms",
            "ocpi.push.parallelism", PARALLELISM,
            "ocpi.push.destination-parallelism", DESTINATION_PARALLELISM,
            "ocpi.push.poll-interval", "100ms",
            "ocpi.push.initial-backoff", "200ms",
            "ocpi.push.max-backoff", "1s",
            "ocpi.push.alive-check", "500ms");

    @Test
    void aPeerThatAnswersAfter30SecondsDelaysOnlyItsOwnPushes() {
        troubled("slow-peer", peer -> peer.slow(PEER_DELAY));
    }

    @Test
    void aPeerThatNeverAnswersDelaysOnlyItsOwnPushes() {
        troubled("hanging-peer", FakePeer::hang);
    }

    private void troubled(String name, Consumer<FakePeer> trouble) {
        try (PeerPlatform platform = PeerPlatform.start(name, SETTINGS)) {
            FakePeer healthy = platform.peer;
            FakePeer troubled = platform.registerAnother("troubled", "DE", "TRC", "TRE");
            for (String id : LOCATIONS) {
                healthy.on(path(id), Answer.ocpi("null"));
                troubled.on(path(id), Answer.ocpi("null"));
            }
            trouble.accept(troubled);

            Instant first = Instant.now();
            for (int version = 1; version <= 2; version++) {
                for (String id : LOCATIONS) {
                    platform.publish("locations", Samples.location(id, "2024-01-01T00:%02d:00Z".formatted(version)));
                }
            }
            // All before the troubled peer's first call was even cut: nothing of the healthy peer waited for it.
            await().atMost(Duration.ofSeconds(20)).until(() -> LOCATIONS.stream().allMatch(id -> versions(healthy, id, first).size() == 2));
            await().atMost(Duration.ofSeconds(20)).until(() -> !locationPushes(troubled).isEmpty());
            Instant firstCut = locationPushes(troubled).get(0).at().plus(REQUEST_TIMEOUT);
            assertThat(lastPush(healthy)).isBefore(firstCut);

            LOCATIONS.forEach(id -> platform.publish("locations", Samples.location(id, "2024-01-01T00:03:00Z")));
            await().atMost(Duration.ofSeconds(20)).until(() -> LOCATIONS.stream().allMatch(id -> versions(healthy, id, first).size() == 3));

            // The adapter's own OCPI service and its threads are untouched by the calls that hang.
            long started = System.nanoTime();
            AdapterInstance.Reply list = platform.call("GET", "/ocpi/cpo/2.2.1/locations?limit=5", null);
            assertThat(list.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(REQUEST_TIMEOUT);
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("ocpi-push-")).count())
                    .isLessThanOrEqualTo(PARALLELISM);

            // The request timeout, not the peer, ends each call: the troubled peer is given up on long before its 30 s.
            await().atMost(Duration.ofSeconds(20)).until(() -> connectionStatus(platform, "troubled").equals("OFFLINE"));
            JsonNode waiting = platform.adapter.admin("GET", "/outbox/PENDING?peer=" + peerId(platform, "troubled"), null).json();
            assertThat(waiting).isNotEmpty();
            assertThat(waiting.findValuesAsText("last_error")).anySatisfy(error -> assertThat(error)
                    .contains("did not answer within the request timeout (" + REQUEST_TIMEOUT.toMillis() + " ms)"));
            assertThat(Duration.between(first, Instant.now())).isLessThan(PEER_DELAY);
            // Before the first call to it could be cut no call had ended, so everything it got was under way at once.
            Instant beforeAnyCut = locationPushes(troubled).get(0).at().plus(REQUEST_TIMEOUT.dividedBy(2));
            assertThat(locationPushes(troubled).stream().filter(r -> r.at().isBefore(beforeAnyCut)).count())
                    .isBetween(1L, (long) DESTINATION_PARALLELISM);

            // Once every call to it has been cut, it recovers: nothing it held counts as delivered.
            await().atMost(Duration.ofSeconds(30)).until(() -> Duration.between(lastPush(troubled), Instant.now())
                    .compareTo(REQUEST_TIMEOUT.plusSeconds(1)) > 0);
            Instant recovered = Instant.now();
            troubled.prompt();
            await().atMost(Duration.ofSeconds(30)).until(() -> LOCATIONS.stream().allMatch(id -> versions(troubled, id, recovered).size() >= 3));
            await().atMost(Duration.ofSeconds(10)).until(() -> platform.adapter.admin("GET", "/outbox", null).json().isEmpty());

            for (String id : LOCATIONS) {
                assertThat(versions(healthy, id, first)).as(id + " at the healthy peer").containsExactly(1, 2, 3);
                assertThat(versions(troubled, id, recovered)).as(id + " at the troubled peer").containsExactly(1, 2, 3);
                assertThat(troubled.received(path(id)).get(0).header("OCPI-to-party-id")).isEqualTo("TRE");
            }
            assertThat(connectionStatus(platform, "troubled")).isEqualTo("CONNECTED");
        }
    }

    static String path(String id) {
        return "/2.2.1/receiver/locations/NL/ADC/" + id;
    }

    /** The versions of one location a peer received since {@code since}, in order. */
    static List<Integer> versions(FakePeer peer, String id, Instant since) {
        return peer.versionsReceived(path(id), since);
    }

    static List<FakePeer.Received> locationPushes(FakePeer peer) {
        return peer.received().stream().filter(r -> r.path().startsWith("/2.2.1/receiver/locations/")).toList();
    }

    static Instant lastPush(FakePeer peer) {
        return locationPushes(peer).stream().map(FakePeer.Received::at).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    static JsonNode peer(PeerPlatform platform, String name) {
        for (JsonNode peer : platform.adapter.admin("GET", "/peers", null).json()) {
            if (peer.get("name").asText().equals(name)) {
                return peer;
            }
        }
        throw new AssertionError("no peer " + name);
    }

    static long peerId(PeerPlatform platform, String name) {
        return peer(platform, name).get("id").asLong();
    }

    static String connectionStatus(PeerPlatform platform, String name) {
        return peer(platform, name).get("connection_status").asText();
    }
}
