package io.ocpi.adapter.modules.pull;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Pulls from a peer whose pagination is broken in the ways real peers break it: each list is still read completely,
 * page by page and none twice; a page that cannot be read ends the pull with what failed where.
 */
class PullToleranceTest {

    static final int TOTAL = 1000;
    static final int CAP = 100;
    static final String LOCATIONS = "/2.2.1/locations";

    static PeerPlatform platform;
    static long peerId;
    static ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @BeforeAll
    static void start() {
        platform = PeerPlatform.start("pull-tolerance");
        peerId = platform.adapter.admin("GET", "/peers", null).json().get(0).get("id").asLong();
        warnings.start();
        ((Logger) LoggerFactory.getLogger("io.ocpi.adapter.protocol.client.PeerDeviations")).addAppender(warnings);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger("io.ocpi.adapter.protocol.client.PeerDeviations")).detachAppender(warnings);
        platform.close();
    }

    /**
     * The peer's 1,000 locations, at most {@value #CAP} a page whatever is asked, with the Link {@code link} makes of
     * the next offset (null: none). A {@code date_from} that is no date is refused, as a peer validating it does; more
     * than 50 requests answer HTTP 500, to end a client that would read for ever.
     */
    static void serveLocations(IntFunction<String> link) {
        AtomicInteger requests = new AtomicInteger();
        platform.peer.on(LOCATIONS, request -> {
            if (requests.incrementAndGet() > 50) {
                return new Answer(500, "", Map.of());
            }
            String dateFrom = request.param("date_from");
            if (dateFrom != null && !dateFrom.startsWith("20")) {
                return new Answer(400, "{\"status_code\":2001,\"status_message\":\"date_from: not a date\",\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of());
            }
            int offset = request.param("offset") == null ? 0 : Integer.parseInt(request.param("offset"));
            int limit = Math.min(CAP, request.param("limit") == null ? CAP : Integer.parseInt(request.param("limit")));
            String page = locations(offset, Math.min(TOTAL, offset + limit));
            Map<String, String> headers = new HashMap<>(Map.of("X-Total-Count", Integer.toString(TOTAL), "X-Limit", Integer.toString(limit)));
            String next = offset + limit < TOTAL ? link.apply(offset + limit) : null;
            if (next != null) {
                headers.put("Link", "<" + next + ">; rel=\"next\"");
            }
            return new Answer(200, "{\"data\":[" + page + "],\"status_code\":1000,\"timestamp\":\"2024-01-01T00:00:00Z\"}", headers);
        });
    }

    /** The peer's locations {@code from} to {@code to} (exclusive), as a JSON array's content. */
    static String locations(int from, int to) {
        return String.join(",", IntStream.range(from, to)
                .mapToObj(i -> Samples.location("L%04d".formatted(i), "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"ALF\"")).toList());
    }

    Reply pull() {
        platform.peer.received().clear();
        return platform.adapter.admin("POST", "/peers/" + peerId + "/pull-locations", null);
    }

    double deviations(String deviation) {
        Reply metric = platform.adapter.admin("GET", "/metrics/ocpi.peer.deviations?tag=peer:peer&tag=deviation:" + deviation, null);
        return metric.status() == 404 ? 0 : metric.json().get("measurements").get(0).get("value").asDouble();
    }

    @ParameterizedTest
    @ValueSource(strings = {"link-other-origin", "link-unusable", "link-missing", "link-wrong-offset"})
    void aListBehindBrokenLinksIsPulledCompletelyByOffsetPageByPageAndNoneTwice(String deviation) {
        String plain = platform.peer.url(LOCATIONS);
        serveLocations(switch (deviation) {
            case "link-other-origin" -> next -> plain.replace("http:", "https:") + "?offset=" + next + "&limit=" + CAP;
            case "link-unusable" -> next -> plain + "?offset=" + next + "&limit=" + CAP + "&date_from=None";
            case "link-missing" -> next -> null;
            default -> next -> plain + "?offset=0&limit=" + CAP;
        });
        for (int pull = 1; pull <= 2; pull++) {
            Reply pulled = pull();
            assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
            assertThat(pulled.json().get("read").asLong()).isEqualTo(TOTAL);
            assertThat(pulled.json().get("stored").asLong()).isEqualTo(TOTAL);
            List<String> offsets = platform.peer.received(LOCATIONS).stream()
                    .map(r -> r.param("offset") == null ? "0" : r.param("offset")).toList();
            assertThat(offsets).containsExactlyElementsOf(IntStream.range(0, TOTAL / CAP).mapToObj(i -> Integer.toString(i * CAP)).toList());
        }
        assertThat(deviations(deviation)).isEqualTo(2.0);
        assertThat(warnings.list.stream().filter(w -> w.getFormattedMessage().contains("(" + deviation + ")")))
                .as("warned once about " + deviation).hasSize(1);
        JsonNode stored = platform.call("GET", "/ocpi/emsp/2.2.1/locations/NL/ALF/L0999", null).assertStatus(200).data();
        assertThat(stored.get("id").asText()).isEqualTo("L0999");
    }

    @Test
    void aFailedPullSaysWhichPageAndUrlFailedHowAndWhatWasStoredBefore() {
        String plain = platform.peer.url(LOCATIONS);
        platform.peer.on(LOCATIONS, request -> failingFrom(request, 300));
        Reply failed = pull();
        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        JsonNode answer = failed.json();
        String url = plain + "?offset=300&limit=" + CAP;
        assertThat(answer.get("error").asText()).contains("page 4", "GET " + url, "HTTP 503", "database maintenance",
                "300 objects were read, 300 stored");
        assertThat(answer.get("page").asInt()).isEqualTo(4);
        assertThat(answer.get("url").asText()).isEqualTo(url);
        assertThat(answer.get("stored").asLong()).isEqualTo(300);
        assertThat(answer.get("read").asLong()).isEqualTo(300);
    }

    /** The locations as {@link #serveLocations} serves them with good Links, but HTTP 503 from {@code offset} on. */
    static Answer failingFrom(FakePeer.Received request, int offset) {
        int at = request.param("offset") == null ? 0 : Integer.parseInt(request.param("offset"));
        if (at >= offset) {
            return new Answer(503, "{\"status_code\":3000,\"status_message\":\"database maintenance\",\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of());
        }
        String page = locations(at, at + CAP);
        return new Answer(200, "{\"data\":[" + page + "],\"status_code\":1000,\"timestamp\":\"2024-01-01T00:00:00Z\"}",
                Map.of("X-Total-Count", Integer.toString(TOTAL), "X-Limit", Integer.toString(CAP),
                        "Link", "<" + platform.peer.url(LOCATIONS) + "?offset=" + (at + CAP) + "&limit=" + CAP + ">; rel=\"next\""));
    }
}
