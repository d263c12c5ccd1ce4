package io.ocpi.adapter.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An object's queued changes are claimed several at a time and delivered by one thread in order: a change the peer
 * does not take ends the sequence there, and the changes after it wait for it; each reaches the peer in order, and a
 * delivered one only once.
 */
class SequenceTest {

    @Test
    void aChangeThePeerDoesNotTakeHoldsBackTheChangesAfterItAndEachArrivesInOrder() {
        try (PeerPlatform platform = PeerPlatform.start("push-sequence", PushTest.FAST)) {
            List<String> ids = List.of("S1", "S2", "S3");
            PushTest.receiveLocations(platform.peer, "S1", "S3");
            // S2's fourth version is answered with a server error, once: it is tried again later.
            AtomicBoolean failedOnce = new AtomicBoolean();
            platform.peer.on("/2.2.1/receiver/locations/NL/ADC/S2", request ->
                    request.body().contains("T00:04:00Z") && failedOnce.compareAndSet(false, true)
                            ? new Answer(503, "", Map.of()) : Answer.ocpi("null"));
            platform.peer.stop();
            for (int version = 1; version <= 2 * PushDelivery.SEQUENCE_LENGTH; version++) {
                for (String id : ids) {
                    platform.publish("locations", PushTest.version(id, version));
                }
            }
            platform.peer.start();

            int last = 2 * PushDelivery.SEQUENCE_LENGTH;
            await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> {
                List<Integer> got = PushTest.versionsReceived(platform.peer, id);
                return !got.isEmpty() && got.get(got.size() - 1) == last;
            }));
            List<Integer> all = new ArrayList<>();
            for (int version = 1; version <= last; version++) {
                all.add(version);
            }
            assertThat(PushTest.versionsReceived(platform.peer, "S1")).isEqualTo(all);
            assertThat(PushTest.versionsReceived(platform.peer, "S3")).isEqualTo(all);
            // The refused one came twice, in its place; nothing after it came before it was taken.
            List<Integer> twice = new ArrayList<>(all);
            twice.add(4, 4);
            assertThat(PushTest.versionsReceived(platform.peer, "S2")).isEqualTo(twice);
            await().atMost(Duration.ofSeconds(5)).until(() -> platform.adapter.bean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM ocpi_outbox").query(Integer.class).single() == 0);
        }
    }
}
