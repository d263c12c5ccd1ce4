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
import java.util.concurrent.atomic.AtomicBoolean;
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

        /** The OCPI version a check was held to. */
        String version(String area, String check) {
            for (JsonNode item : json().get("checks")) {
                if (item.get("area").asText().equals(area) && item.get("check").asText().equals(check)) {
                    return item.get("version").asText();
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
    void anAdapterProbedInEachVersionConformsInEach() {
        try (AdapterInstance partner = AdapterInstance.start("probe-partner-versions", "NL", "AD")) {
            ProducerTemplate producer = partner.bean(CamelContext.class).createProducerTemplate();
            // 2.1.1 Locations (and a CDR's) require a postal_code, and a 2.1.1 Session or CDR carries the Location it names.
            String withPostalCode = "\"city\":\"Utrecht\",\"postal_code\":\"3511 CE\"";
            producer.requestBody("direct:ocpi.locations.publish", Samples.location("LOC1", "2024-01-01T00:00:00Z")
                    .replace("LOC1-E1", "EVSE1").replace("\"city\":\"Utrecht\"", withPostalCode), String.class);
            for (int i = 1; i <= 3; i++) {
                producer.requestBody("direct:ocpi.locations.publish", Samples.location("L" + i, "2024-01-01T00:00:0" + i + "Z")
                        .replace("\"city\":\"Utrecht\"", withPostalCode), String.class);
            }
            producer.requestBody("direct:ocpi.tariffs.publish", Samples.tariff("ADC", "T1"), String.class);
            producer.requestBody("direct:ocpi.sessions.publish", Samples.session("ADC", "S1", "PRB", "2024-01-01T10:00:00Z"), String.class);
            producer.requestBody("direct:ocpi.cdrs.publish", Samples.cdr("ADC", "C1", "PRB").replace("\"city\":\"Utrecht\"", withPostalCode), String.class);
            producer.requestBody("direct:ocpi.tokens.publish", Samples.token("TOK1", true, "2024-01-01T00:00:00Z"), String.class);

            for (String version : List.of("2.2.1", "2.3.0")) {
                Run run = probe("--probe-peer", partner.versionsUrl(), "--token", partner.invite("probe " + version), "--party", "NL*PRB",
                        "--page-size", "2", "--version", version, "--json");

                assertThat(run.deviations()).as(version).isEmpty();
                assertThat(run.exitCode()).isZero();
                assertThat(run.json().get("version").asText()).isEqualTo(version);
                assertThat(run.outcome("locations sender", "list")).startsWith("CONFORMS").contains("read 4 objects in 2 pages");
                assertThat(run.outcome("sessions sender", "object-model")).startsWith("CONFORMS");
                assertThat(run.outcome("tokens sender", "authorize")).startsWith("CONFORMS");
                for (String module : List.of("locations", "sessions", "cdrs", "tariffs", "tokens")) {
                    assertThat(run.outcome(module + " receiver", "read-back")).as(version + " " + module).startsWith("CONFORMS");
                    assertThat(run.version(module + " receiver", "read-back")).isEqualTo(version);
                }
                assertThat(run.outcome("locations receiver", "refusal")).startsWith("CONFORMS");
                assertThat(run.outcome("cdrs sender", "routing-headers")).startsWith("CONFORMS");
            }

            // A 2.1.1 party plays one role: the partner as CPO towards the probe's eMSP, then the other way round.
            Run asEmsp = probe("--probe-peer", partner.versionsUrl(), "--token", invite211(partner, "CPO"), "--party", "NL*PRB",
                    "--page-size", "2", "--version", "2.1.1", "--role", "EMSP", "--json");

            assertThat(asEmsp.deviations()).isEmpty();
            assertThat(asEmsp.exitCode()).isZero();
            assertThat(asEmsp.outcome("versions", "token-encoding")).startsWith("CONFORMS").contains("accepted plain");
            assertThat(asEmsp.outcome("locations sender", "list")).startsWith("CONFORMS").contains("read 4 objects in 2 pages");
            assertThat(asEmsp.outcome("locations sender", "get-object")).startsWith("CONFORMS");
            for (String module : List.of("sessions", "cdrs", "tariffs")) {
                assertThat(asEmsp.outcome(module + " sender", "object-model")).as(module).startsWith("CONFORMS").contains("OCPI 2.1.1's object tables");
                assertThat(asEmsp.version(module + " sender", "object-model")).isEqualTo("2.1.1");
            }
            assertThat(asEmsp.outcome("tokens receiver", "read-back")).startsWith("CONFORMS");
            assertThat(asEmsp.outcome("locations sender", "routing-headers")).isEqualTo("SKIPPED [\"not in OCPI 2.1.1\"]");
            assertThat(asEmsp.outcome("locations sender", "request-ids")).isEqualTo("SKIPPED [\"not in OCPI 2.1.1\"]");
            assertThat(asEmsp.outcome("tokens receiver", "refusal")).startsWith("SKIPPED").contains("not in OCPI 2.1.1");

            Run asCpo = probe("--probe-peer", partner.versionsUrl(), "--token", invite211(partner, "EMSP"), "--party", "NL*PRB",
                    "--version", "2.1.1", "--role", "CPO", "--json");

            assertThat(asCpo.deviations()).isEmpty();
            assertThat(asCpo.exitCode()).isZero();
            for (String module : List.of("locations", "sessions", "cdrs", "tariffs")) {
                assertThat(asCpo.outcome(module + " receiver", "read-back")).as(module).startsWith("CONFORMS");
            }
            assertThat(asCpo.outcome("tariffs receiver", "delete")).startsWith("CONFORMS");
            assertThat(asCpo.outcome("tokens sender", "authorize")).startsWith("CONFORMS");
            assertThat(asCpo.outcome("tokens sender", "ownership")).startsWith("SKIPPED").contains("not in OCPI 2.1.1: objects name no owner");
        }
    }

    /** An invitation to a 2.1.1 peer, towards which the partner plays {@code role}. */
    private static String invite211(AdapterInstance partner, String role) {
        return partner.admin("POST", "/invitations", Map.of("name", "probe 2.1.1 " + role, "role", role, "version", "2.1.1"))
                .assertStatus(200).json().get("token").asText();
    }

    @Test
    void aWrongAnswerIn230Or211IsReportedNamingTheField() {
        try (FakePeer peer = new FakePeer()) {
            // A 2.3.0 Session's total_cost is a Price of before_taxes and taxes; this one is written as 2.2.1's.
            String session = """
                    {"country_code":"NL","party_id":"BRK","id":"S1","start_date_time":"2024-01-01T10:00:00Z","kwh":1.5,
                     "cdr_token":{"country_code":"NL","party_id":"PRB","uid":"T1","type":"RFID","contract_id":"NL-PRB-1"},
                     "auth_method":"WHITELIST","location_id":"LOC1","evse_uid":"E1","connector_id":"1","currency":"EUR",
                     "total_cost":{"excl_vat":2.5},"status":"ACTIVE","last_updated":"2024-01-01T10:00:00Z"}""";
            scriptPeer(peer, "2.3.0", "sessions", session);

            Run run = probe("--probe-peer", peer.url("/versions"), "--token", "token-a", "--party", "NL*PRB", "--json");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.json().get("version").asText()).isEqualTo("2.3.0");
            assertThat(run.deviations()).containsExactly("sessions sender object-model");
            assertThat(run.outcome("sessions sender", "object-model")).contains("sessions NL*BRK/S1: total_cost.before_taxes is missing");
            assertThat(run.version("sessions sender", "object-model")).isEqualTo("2.3.0");
            assertThat(run.outcome("sessions sender", "routing-headers")).startsWith("CONFORMS");
        }
        try (FakePeer peer = new FakePeer()) {
            // A 2.1.1 CDR's total_cost is a number; this one is written as 2.2.1's Price.
            String cdr = """
                    {"id":"C1","start_date_time":"2024-01-01T10:00:00Z","stop_date_time":"2024-01-01T11:00:00Z","auth_id":"NL-PRB-1",
                     "auth_method":"WHITELIST","location":{"id":"LOC1","type":"ON_STREET","address":"Stationsplein 1","city":"Utrecht",
                     "postal_code":"3511 CE","country":"NLD","coordinates":{"latitude":"52.089444","longitude":"5.110278"},
                     "last_updated":"2024-01-01T00:00:00Z"},"currency":"EUR",
                     "charging_periods":[{"start_date_time":"2024-01-01T10:00:00Z","dimensions":[{"type":"ENERGY","volume":10}]}],
                     "total_cost":{"excl_vat":2.5},"total_energy":10,"total_time":1,"last_updated":"2024-01-01T11:05:00Z"}""";
            scriptPeer(peer, "2.1.1", "cdrs", cdr);

            Run run = probe("--probe-peer", peer.url("/versions"), "--token", "token-a", "--party", "NL*PRB", "--role", "EMSP", "--json");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.json().get("version").asText()).isEqualTo("2.1.1");
            assertThat(run.deviations()).containsExactly("cdrs sender object-model");
            assertThat(run.outcome("cdrs sender", "object-model")).contains("cdrs C1: total_cost is {\\\"excl_vat\\\":2.5}, not a number");
            assertThat(run.version("cdrs sender", "object-model")).isEqualTo("2.1.1");
            assertThat(run.outcome("versions", "token-encoding")).startsWith("CONFORMS").contains("accepted plain");
            assertThat(run.outcome("cdrs sender", "routing-headers")).isEqualTo("SKIPPED [\"not in OCPI 2.1.1\"]");
        }
    }

    /**
     * A CPO platform (NL*BRK) of one OCPI version, otherwise conforming, whose {@code module} Sender serves one object
     * as given; its token stops working once it is unregistered.
     */
    private static void scriptPeer(FakePeer peer, String version, String module, String object) {
        boolean v211 = version.equals("2.1.1");
        AtomicBoolean registered = new AtomicBoolean(true);
        peer.on("/versions", request -> registered.get()
                ? echo(request, 200, "[{\"version\":\"" + version + "\",\"url\":\"" + peer.url("/" + version) + "\"}]", 1000, false, true)
                : echo(request, 401, null, 2000, false, true));
        String role = v211 ? "" : ",\"role\":\"SENDER\"";
        peer.on("/" + version, request -> echo(request, 200, "{\"version\":\"" + version + "\",\"endpoints\":["
                + "{\"identifier\":\"credentials\"" + role + ",\"url\":\"" + peer.url("/" + version + "/credentials") + "\"},"
                + "{\"identifier\":\"" + module + "\"" + role + ",\"url\":\"" + peer.url("/" + version + "/" + module) + "\"}]}", 1000, false, true));
        String credentials = v211
                ? "{\"token\":\"token-c\",\"url\":\"%s\",\"business_details\":{\"name\":\"Broken CPO\"},\"country_code\":\"NL\",\"party_id\":\"BRK\"}"
                : "{\"token\":\"token-c\",\"url\":\"%s\",\"roles\":[{\"role\":\"CPO\",\"country_code\":\"NL\",\"party_id\":\"BRK\","
                + "\"business_details\":{\"name\":\"Broken CPO\"}}]}";
        peer.on("/" + version + "/credentials", request -> {
            if (request.method().equals("DELETE")) {
                registered.set(false);
                return echo(request, 200, "null", 1000, false, true);
            }
            return echo(request, 200, credentials.formatted(peer.url("/versions")), 1000, false, true);
        });
        peer.on("/" + version + "/" + module, request -> withHeaders(echo(request, 200, "[" + object + "]", 1000, !v211, true),
                Map.of("X-Total-Count", "1", "X-Limit", "10")));
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
