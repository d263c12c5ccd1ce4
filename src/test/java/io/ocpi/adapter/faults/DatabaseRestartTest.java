package io.ocpi.adapter.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.PrivatePostgres;
import io.ocpi.adapter.support.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;

/**
 * The adapter's own PostgreSQL server crashes (stopped with {@code pg_ctl stop -m immediate}) while a peer keeps
 * calling, and comes back. During the outage every request is answered quickly with HTTP 503 and an OCPI 3000
 * envelope, never a 500 nor a hang, and readiness is DOWN; when the server is back the same adapter, not restarted,
 * is ready again, answers requests and delivers the pushes that waited.
 */
class DatabaseRestartTest {

    /** The pool's wait for a connection (3 s, application.yaml) and the time to answer, on a busy machine. */
    static final Duration ANSWERED_WITHIN = Duration.ofSeconds(6);

    record Outcome(Instant at, int status, int ocpiStatus, boolean envelope, long millis) {
    }

    @Test
    void requestsDuringAnOutageGet503WithAnEnvelopeAndTheAdapterRecoversByItself() throws Exception {
        Assumptions.assumeTrue(PrivatePostgres.binaries().isPresent(), "no PostgreSQL installed under /usr/lib/postgresql");
        try (PrivatePostgres database = PrivatePostgres.start()) {
            Map<String, Object> settings = new HashMap<>(database.settings());
            settings.put("ocpi.push.poll-interval", "100ms");
            settings.put("ocpi.push.initial-backoff", "200ms");
            settings.put("ocpi.push.max-backoff", "1s");
            try (PeerPlatform platform = PeerPlatform.start("db-restart", settings)) {
                run(database, platform);
            }
        }
    }

    private void run(PrivatePostgres database, PeerPlatform platform) throws Exception {
        String waiting = "/2.2.1/receiver/locations/NL/ADC/WAIT";
        String after = "/2.2.1/receiver/locations/NL/ADC/AFTER";
        AtomicBoolean peerAccepts = new AtomicBoolean(false);
        platform.peer.on(waiting, request -> peerAccepts.get() ? Answer.ocpi("null") : new Answer(503, "", Map.of()));
        platform.peer.on(after, Answer.ocpi("null"));
        // A push the peer cannot take yet: it is still in the outbox when the database goes.
        platform.publish("locations", Samples.location("WAIT", "2024-01-01T00:01:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !platform.peer.received(waiting).isEmpty());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        AtomicBoolean calling = new AtomicBoolean(true);
        ExecutorService peerCalls = Executors.newSingleThreadExecutor();
        Future<?> load = peerCalls.submit(() -> {
            while (calling.get()) {
                outcomes.add(get(http, platform, "/ocpi/cpo/2.2.1/locations/WAIT"));
                Thread.sleep(200);
            }
            return null;
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.stream().anyMatch(o -> o.status() == 200));

            Instant crashed = Instant.now();
            database.crash();
            await().atMost(Duration.ofSeconds(15)).until(() -> readiness(platform.adapter).status() == 503);
            await().atMost(Duration.ofSeconds(15)).until(() -> outcomes.stream().filter(o -> o.at().isAfter(crashed) && o.status() == 503).count() >= 3);

            // Writes are refused the same way as reads, with everything a peer needs to send again later.
            String theirs = Samples.location("THEIRS", "2024-01-01T00:02:00Z").replace("\"party_id\":\"ADC\"", "\"party_id\":\"ALF\"");
            long started = System.nanoTime();
            AdapterInstance.Reply refused = platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/ALF/THEIRS", theirs);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWERED_WITHIN);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.ocpiStatus()).isEqualTo(3000);
            assertThat(refused.json().get("status_message").asText()).contains("try again later");
            assertThat(refused.json().hasNonNull("timestamp")).isTrue();
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.header("X-Request-ID")).isNotBlank();
            // Down for the load balancer, alive for the orchestrator: nothing to restart.
            assertThat(platform.adapter.bean(ApplicationAvailability.class).getLivenessState()).isEqualTo(LivenessState.CORRECT);

            peerAccepts.set(true);
            int attemptsBeforeRestart = platform.peer.received(waiting).size();
            Instant restarted = Instant.now();
            database.restart();

            await().atMost(Duration.ofSeconds(30)).until(() -> readiness(platform.adapter).status() == 200);
            await().atMost(Duration.ofSeconds(15)).until(() -> outcomes.stream().anyMatch(o -> o.at().isAfter(restarted) && o.status() == 200));
            assertThat(platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/ALF/THEIRS", theirs).ocpiStatus()).isEqualTo(1000);

            // The push that waited goes out, and new changes flow as before.
            await().atMost(Duration.ofSeconds(20)).until(() -> platform.peer.received(waiting).size() > attemptsBeforeRestart);
            platform.publish("locations", Samples.location("AFTER", "2024-01-01T00:03:00Z"));
            await().atMost(Duration.ofSeconds(10)).until(() -> platform.peer.received(after).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> platform.adapter.admin("GET", "/outbox", null).json().isEmpty());
            List<FakePeer.Received> delivered = platform.peer.received(waiting);
            assertThat(delivered.get(delivered.size() - 1).body()).contains("2024-01-01T00:01:00Z");
        } finally {
            calling.set(false);
            load.get(30, TimeUnit.SECONDS);
            peerCalls.shutdown();
        }

        assertThat(outcomes).as("every request answered, none with 500 nor after a long wait").allSatisfy(outcome -> {
            assertThat(outcome.status()).isIn(200, 503);
            assertThat(outcome.envelope()).isTrue();
            assertThat(outcome.ocpiStatus()).isEqualTo(outcome.status() == 200 ? 1000 : 3000);
            assertThat(outcome.millis()).isLessThan(ANSWERED_WITHIN.toMillis());
        });
        assertThat(outcomes).extracting(Outcome::status).contains(200, 503);
    }

    /** One GET by the peer; a request that gets no answer within 20 s is recorded as status 0. */
    private static Outcome get(HttpClient http, PeerPlatform platform, String path) throws InterruptedException {
        Instant at = Instant.now();
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.adapter.baseUrl() + path))
                .header("Authorization", "Token " + AdapterInstance.base64(platform.token))
                .timeout(Duration.ofSeconds(20))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            AdapterInstance.Reply reply = new AdapterInstance.Reply(response.statusCode(), response.headers().map(), response.body());
            boolean envelope = reply.body().startsWith("{") && reply.json().has("status_code") && reply.json().hasNonNull("timestamp");
            return new Outcome(at, reply.status(), envelope ? reply.ocpiStatus() : 0, envelope, millis);
        } catch (HttpTimeoutException hang) {
            return new Outcome(at, 0, 0, false, (System.nanoTime() - started) / 1_000_000);
        } catch (java.io.IOException e) {
            return new Outcome(at, -1, 0, false, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static AdapterInstance.Reply readiness(AdapterInstance adapter) {
        return AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/health/readiness", Map.of(), null);
    }
}
