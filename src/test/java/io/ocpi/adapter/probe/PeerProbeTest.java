package io.ocpi.adapter.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.AdapterApplication;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.FakePeer.Received;
import io.ocpi.adapter.support.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * {@code --probe-peer} over real HTTP: an adapter probing another finds it conforming, a scripted peer with the
 * deviations real partners show is reported deviation by deviation, and a peer that cannot be reached ends the
 * probe with exit code 2.
 */
class PeerProbeTest {

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {

        JsonNode json() {
            try {
                return AdapterInstance.JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out + err, e);
            }
        }

        String outcome(String area, String check) {
            for (JsonNode item : json().get("checks")) {
                if (item.get("area").asText().equals(area) && item.get("check").asText().equals(check)) {
                    return item.get("outcome").asText() + " " + item.get("details");
                }
            }
            return "absent";
        }

        List<String> deviations() {
            List<String> found = new ArrayList<>();
            json().get("checks").forEach(item -> {
                if (item.get("outcome").asText().equals("DEVIATES")) {
                    found.add(item.get("area").asText() + " " + item.get("check").asText());
                }
            });
            return found;
        }
    }

    static Run probe(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--logging.level.root=INFO");
        all.add("--server.address=127.0.0.1");
        all.add("--ocpi.client.allowed-networks=127.0.0.0/8,::1/128"); // the partners here are on loopback
        int code = PeerProbe.run(AdapterApplication.class, all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("probe exit " + code + ":\n" + run.out() + run.err());
        return run;
    }

    @Test
    void anAdapterProbingAnotherFindsItConforming() {
        try (AdapterInstance partner = AdapterInstance.start("probe-partner", "NL", "AD")) {
            ProducerTemplate producer = partner.bean(CamelContext.class).createProducerTemplate();
            for (int i = 1; i <= 5; i++) {
                producer.requestBody("direct:ocpi.locations.publish", Samples.location("L" + i, "2024-01-01T00:00:0" + i + "Z"), String.class);
            }
            producer.requestBody("direct:ocpi.tariffs.publish", Samples.tariff("ADC", "T1"), String.class);
            producer.requestBody("direct:ocpi.sessions.publish", Samples.session("ADC", "S1", "PRB", "2024-01-01T10:00:00Z"), String.class);
            producer.requestBody("direct:ocpi.cdrs.publish", Samples.cdr("ADC", "C1", "PRB"), String.class);
            for (int i = 1; i <= 3; i++) {
                producer.requestBody("direct:ocpi.tokens.publish", Samples.token("TOK" + i, true, "2024-01-01T00:00:00Z"), String.class);
            }

            Run run = probe("--probe-peer", partner.versionsUrl(), "--token", partner.invite("probe"), "--party", "NL*PRB",
                    "--page-size", "2", "--json");

            assertThat(run.deviations()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(run.json().get("conforms").asBoolean()).isTrue();
            assertThat(run.outcome("locations sender", "list")).startsWith("CONFORMS").contains("read 5 objects in 3 pages");
            assertThat(run.outcome("locations sender", "link-header")).contains("followed 2 Links");
            assertThat(run.outcome("sessions sender", "list")).contains("read 1 object in 1 page");
            assertThat(run.outcome("tokens sender", "authorize")).startsWith("CONFORMS");
            for (String module : List.of("locations", "sessions", "cdrs", "tariffs", "tokens")) {
                assertThat(run.outcome(module + " receiver", "read-back")).as(module).startsWith("CONFORMS");
            }
            assertThat(run.outcome("locations receiver", "http-status")).startsWith("CONFORMS");
            assertThat(run.outcome("credentials", "unregistration")).startsWith("CONFORMS");
            // The partner knows the probe only as an ended registration.
            JsonNode peers = partner.admin("GET", "/peers", null).assertStatus(200).json();
            assertThat(peers.toString()).contains("UNREGISTERED");
        }
    }

    @Test
    void aPeerWithTheUsualDeviationsIsReportedDeviationByDeviation() {
        try (FakePeer peer = new FakePeer()) {
            scriptBrokenPeer(peer);

            Run run = probe("--probe-peer", peer.url("/versions"), "--token", "token-a", "--party", "NL*PRB", "--json");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.deviations()).containsExactlyInAnyOrder(
                    "versions token-encoding",
                    "locations sender routing-headers",
                    "locations sender pagination-headers",
                    "locations sender link-header",
                    "locations sender int-fraction",
                    "locations sender control-characters",
                    "locations sender single-object",
                    "locations receiver http-status",
                    "locations receiver request-ids");
            assertThat(run.outcome("versions", "token-encoding")).contains("accepted plain");
            assertThat(run.outcome("locations sender", "int-fraction")).contains("evses[0].connectors[0].max_voltage is 230.5");
            assertThat(run.outcome("locations sender", "control-characters")).contains("locations NL*BRK/LOC2: name");
            assertThat(run.outcome("locations sender", "link-header")).contains("leaves the module's http://localhost:");
            assertThat(run.outcome("locations sender", "pagination-headers")).contains("no X-Limit");
            assertThat(run.outcome("locations sender", "routing-headers")).contains("no OCPI-to-party-id");
            assertThat(run.outcome("locations sender", "single-object")).contains("a list of 1");
            assertThat(run.outcome("locations receiver", "http-status")).contains("HTTP 400 with OCPI 2001");
            assertThat(run.outcome("locations receiver", "request-ids")).contains("without X-Correlation-ID");
            assertThat(run.outcome("locations receiver", "read-back")).startsWith("CONFORMS");
            assertThat(run.outcome("commands receiver", "not probed")).startsWith("SKIPPED");
            assertThat(run.outcome("credentials", "unregistration")).startsWith("CONFORMS");
            assertThat(peer.received("/2.2.1/credentials").stream().map(Received::method)).containsExactly("POST", "DELETE");
        }
    }

    @Test
    void aPeerThatCannotBeReachedOrRegisteredWithEndsTheProbeWithExitCode2() {
        FakePeer gone = new FakePeer();
        String url = gone.url("/versions");
        gone.close();

        Run unreachable = probe("--probe-peer", url, "--token", "token-a");

        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.out()).contains("DEVIATES").contains("peer unreachable at " + url).contains("Result: could not register with the peer");
        assertThat(probe("--probe-peer", url).exitCode()).isEqualTo(2);

        try (FakePeer refusing = new FakePeer().offering221("credentials")) {
            refusing.on("/2.2.1/credentials", request -> echo(request, 200, null, 3001, false, true));

            Run refused = probe("--probe-peer", refusing.url("/versions"), "--token", "token-a", "--ocpi.public-url=http://probe.invalid:9090");

            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.out()).contains("registration").contains("OCPI 3001")
                    .contains("the peer reads our versions at http://probe.invalid:9090/ocpi/versions during the handshake");
        }
    }

    /**
     * A CPO platform (NL*BRK) that takes plain tokens only, serves its locations without routing headers or X-Limit,
     * with a fraction in an int field and a line break in a name, links to its second page over https although it
     * serves http, wraps a single Location in a list, and refuses a PATCH without last_updated with HTTP 400 and
     * without X-Correlation-ID.
     */
    private static void scriptBrokenPeer(FakePeer peer) {
        peer.offering221("credentials", "locations", "locations:RECEIVER", "commands:RECEIVER");
        peer.on("/versions", request -> "Token token-a".equals(request.header("Authorization"))
                ? echo(request, 200, "[{\"version\":\"2.2.1\",\"url\":\"" + peer.url("/2.2.1") + "\"}]", 1000, false, true)
                : echo(request, 401, null, 2000, false, true));
        peer.on("/2.2.1/credentials", request -> echo(request, 200, request.method().equals("POST") ? """
                {"token":"token-c","url":"%s","roles":[
                 {"role":"CPO","country_code":"NL","party_id":"BRK","business_details":{"name":"Broken CPO"}},
                 {"role":"EMSP","country_code":"NL","party_id":"BRK","business_details":{"name":"Broken eMSP"}}]}""".formatted(peer.url("/versions"))
                : "null", 1000, false, true));
        String location = Samples.location("LOC1", "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"BRK\"");
        String fraction = location.replace("\"max_voltage\":230", "\"max_voltage\":230.5");
        String lineBreak = Samples.location("LOC2", "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"BRK\"")
                .replace("\"publish\":true", "\"publish\":true,\"name\":\"Station\\nNorth\"");
        peer.on("/2.2.1/locations", request -> withHeaders(echo(request, 200, "[" + fraction + "," + lineBreak + "]", 1000, false, true),
                Map.of("X-Total-Count", "4", "Link", "<" + peer.url("/2.2.1/locations?offset=2&limit=10").replace("http:", "https:") + ">; rel=\"next\"")));
        peer.on("/2.2.1/locations/LOC1", request -> echo(request, 200, "[" + location + "]", 1000, true, true));
        AtomicReference<String> stored = new AtomicReference<>();
        peer.on("/2.2.1/receiver/locations/NL/PRB/LOC1", request -> switch (request.method()) {
            case "PUT" -> {
                stored.set(request.body());
                yield echo(request, 201, "null", 1000, true, true);
            }
            case "GET" -> echo(request, 200, stored.get(), 1000, true, true);
            default -> echo(request, 400, "null", 2001, true, false);
        });
    }

    /** An OCPI answer that echoes X-Request-ID, the X-Correlation-ID if {@code correlation}, and swapped routing headers if {@code routing}. */
    private static Answer echo(Received request, int http, String data, int status, boolean routing, boolean correlation) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Request-ID", request.header("X-Request-ID"));
        if (correlation) {
            headers.put("X-Correlation-ID", request.header("X-Correlation-ID"));
        }
        if (routing && request.header("OCPI-from-party-id") != null) {
            headers.put("OCPI-to-country-code", request.header("OCPI-from-country-code"));
            headers.put("OCPI-to-party-id", request.header("OCPI-from-party-id"));
            headers.put("OCPI-from-country-code", request.header("OCPI-to-country-code"));
            headers.put("OCPI-from-party-id", request.header("OCPI-to-party-id"));
        }
        String body = "{" + (data == null ? "" : "\"data\":" + data + ",") + "\"status_code\":" + status + ",\"timestamp\":\"2024-01-01T00:00:00Z\"}";
        return new Answer(http, body, headers);
    }

    private static Answer withHeaders(Answer answer, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(answer.headers());
        headers.putAll(extra);
        return new Answer(answer.status(), answer.body(), headers);
    }
}
