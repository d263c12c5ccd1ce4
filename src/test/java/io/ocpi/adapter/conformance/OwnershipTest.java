package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each peer reaches only its own objects, on every endpoint. The platform peer plays NL*PCP (CPO) and NL*PMS (eMSP)
 * among others and has pushed objects under them; the intruder is a registered eMSP, NL*INE, with a token of its own.
 * On Receiver interfaces it gets 403 / 2000 for any object under a party not its own and nothing changes; on Sender
 * interfaces it sees our objects, and of sessions, CDRs and charging requests only those of its own tokens.
 */
class OwnershipTest {

    static final String LATER = "2024-09-01T00:00:00Z";

    static PeerPlatform platform;
    static FakePeer intruder;
    static String intruderToken;
    /** What the owner reads back for each object before any intruder tries anything. */
    static final Map<String, String> before = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        platform = PeerPlatform.start("ownership");
        intruder = new FakePeer().offering221("credentials");
        intruderToken = platform.adapter.ocpi("POST", "/ocpi/2.2.1/credentials", platform.adapter.invite("intruder"), Map.of(
                "token", "intruder-b", "url", intruder.url("/versions"), "roles", List.of(Map.of("role", "EMSP", "country_code", "NL",
                        "party_id", "INE", "business_details", Map.of("name", "Intruder")))))
                .assertStatus(200).data().get("token").asText();

        // The platform peer's objects, pushed to our Receiver interfaces.
        platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1", Samples.location("L1", "2024-01-01T00:00:00Z")
                .replace("\"ADC\"", "\"PCP\"")).assertStatus(201);
        platform.call("PUT", "/ocpi/emsp/2.2.1/sessions/NL/PCP/S1", Samples.session("PCP", "S1", "ADE",
                "2024-01-01T10:00:00Z")).assertStatus(201);
        platform.call("PUT", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T1", Samples.tariff("PCP", "T1")).assertStatus(201);
        platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", "C1", "ADE")).assertStatus(201);
        platform.call("PUT", "/ocpi/cpo/2.2.1/tokens/NL/PMS/K1", Samples.token("K1", true, "2024-01-01T00:00:00Z")
                .replace("\"ADE\"", "\"PMS\"")).assertStatus(201);

        // Our own objects, from the enterprise side: a session and a CDR for each peer's tokens.
        platform.publish("locations", Samples.location("LOC1", "2024-01-01T00:00:00Z"));
        platform.publish("tariffs", Samples.tariff("ADC", "OUR-T"));
        platform.publish("tokens", Samples.token("OUR-K", true, "2024-01-01T00:00:00Z"));
        platform.publish("sessions", Samples.session("ADC", "S-PMS", "PMS", "2024-01-01T10:00:00Z"));
        platform.publish("sessions", Samples.session("ADC", "S-INE", "INE", "2024-01-01T10:00:00Z"));
        platform.publish("cdrs", Samples.cdr("ADC", "CDR-PMS", "PMS"));
        platform.publish("cdrs", Samples.cdr("ADC", "CDR-INE", "INE"));

        for (String path : ownerPaths()) {
            before.put(path, platform.call("GET", path, null).assertStatus(200).data().toString());
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
        intruder.close();
    }

    static List<String> ownerPaths() {
        return List.of("/ocpi/emsp/2.2.1/locations/NL/PCP/L1", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1/L1-E1",
                "/ocpi/emsp/2.2.1/locations/NL/PCP/L1/L1-E1/1", "/ocpi/emsp/2.2.1/sessions/NL/PCP/S1",
                "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T1", "/ocpi/emsp/2.2.1/cdrs/NL/PCP/C1", "/ocpi/cpo/2.2.1/tokens/NL/PMS/K1");
    }

    static Stream<String> receiverReads() {
        return Stream.concat(ownerPaths().stream(), Stream.of("/ocpi/cpo/2.2.1/tokens/NL/PMS/K1?type=RFID"));
    }

    /** Every write of every Receiver interface, aimed at the platform peer's objects: method, path, body. */
    static Stream<Arguments> receiverWrites() {
        Map<String, Object> evsePatch = Map.of("status", "OUTOFORDER", "last_updated", LATER);
        Map<String, Object> connectorPatch = Map.of("max_amperage", 16, "last_updated", LATER);
        JsonNode location = json(Samples.location("L1", LATER).replace("\"ADC\"", "\"PCP\""));
        return Stream.of(
                Arguments.of("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1", location.toString().replace("Stationsplein 1", "Elsewhere 9")),
                Arguments.of("PATCH", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1", Map.of("name", "Taken over", "last_updated", LATER)),
                Arguments.of("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1/L1-E1", location.get("evses").get(0).toString()
                        .replace("AVAILABLE", "REMOVED")),
                Arguments.of("PATCH", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1/L1-E1", evsePatch),
                Arguments.of("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1/L1-E1/1", location.get("evses").get(0).get("connectors").get(0)
                        .toString().replace("32", "6")),
                Arguments.of("PATCH", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1/L1-E1/1", connectorPatch),
                Arguments.of("PUT", "/ocpi/emsp/2.2.1/sessions/NL/PCP/S1", Samples.session("PCP", "S1", "ADE", LATER).replace("1.5", "99")),
                Arguments.of("PATCH", "/ocpi/emsp/2.2.1/sessions/NL/PCP/S1", Map.of("kwh", 99, "last_updated", LATER)),
                Arguments.of("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", "C2", "ADE")),
                Arguments.of("PUT", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T1", Samples.tariff("PCP", "T1").replace("0.25", "9.99")),
                Arguments.of("DELETE", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T1", null),
                Arguments.of("PUT", "/ocpi/cpo/2.2.1/tokens/NL/PMS/K1", Samples.token("K1", false, LATER).replace("\"ADE\"", "\"PMS\"")),
                Arguments.of("PATCH", "/ocpi/cpo/2.2.1/tokens/NL/PMS/K1", Map.of("valid", false, "last_updated", LATER)),
                Arguments.of("PATCH", "/ocpi/cpo/2.2.1/tokens/NL/PMS/K1?type=RFID", Map.of("valid", false, "last_updated", LATER)),
                Arguments.of("PUT", "/ocpi/2.2.1/hubclientinfo/NL/PCP", Map.of("party_id", "PCP", "country_code", "NL", "role", "CPO",
                        "status", "PLANNED", "last_updated", LATER)));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("receiverReads")
    void anotherPeerCannotReadThem(String path) {
        Reply reply = platform.adapter.ocpi("GET", path, intruderToken, null);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.ocpiStatus()).isEqualTo(2000);
        assertThat(reply.data().isMissingNode() || reply.data().isNull()).as("no data in %s", reply.body()).isTrue();
        assertThat(platform.call("GET", path, null).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("receiverWrites")
    void anotherPeerCannotWriteThem(String method, String path, Object body) {
        Reply reply = platform.adapter.ocpi(method, path, intruderToken, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.ocpiStatus()).isEqualTo(2000);
        assertUnchanged();
        assertThat(platform.call("GET", "/ocpi/emsp/2.2.1/cdrs/NL/PCP/C2", null).status()).isEqualTo(404);
    }

    @Test
    void theSameWritesUnderItsOwnPartyAreTaken() {
        platform.adapter.ocpi("PUT", "/ocpi/emsp/2.2.1/tariffs/NL/INE/T1", intruderToken, Samples.tariff("INE", "T1")).assertStatus(201);
        platform.adapter.ocpi("DELETE", "/ocpi/emsp/2.2.1/tariffs/NL/INE/T1", intruderToken, null).assertStatus(200);
        platform.adapter.ocpi("PUT", "/ocpi/cpo/2.2.1/tokens/NL/INE/K1", intruderToken, Samples.token("K1", true, LATER)
                .replace("\"ADE\"", "\"INE\"")).assertStatus(201);
        assertThat(platform.adapter.ocpi("GET", "/ocpi/cpo/2.2.1/tokens/NL/INE/K1", intruderToken, null).data().get("party_id").asText())
                .isEqualTo("INE");
        assertUnchanged();
    }

    @Test
    void nobodyWritesUnderOurOwnParties() {
        Reply location = platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/ADC/LOC1", Samples.location("LOC1", LATER).replace("Utrecht", "Nowhere"));
        assertThat(location.status()).isEqualTo(403);
        Reply token = platform.call("PATCH", "/ocpi/cpo/2.2.1/tokens/NL/ADE/OUR-K", Map.of("valid", false, "last_updated", LATER));
        assertThat(token.status()).isEqualTo(403);
        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/locations/LOC1", null).data().get("city").asText()).isEqualTo("Utrecht");
        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/tokens/OUR-K/authorize", null).data().get("allowed").asText()).isEqualTo("ALLOWED");
    }

    @Test
    void commandsAndChargingRequestsReachOnlyTheCallersSessionsAndTokens() {
        Map<String, Object> otherToken = tokenOf("PMS");
        Reply start = platform.adapter.ocpi("POST", "/ocpi/cpo/2.2.1/commands/START_SESSION", intruderToken, Map.of(
                "response_url", intruder.url("/r"), "location_id", "LOC1", "evse_uid", "LOC1-E1", "token", otherToken));
        assertThat(start.status()).isEqualTo(403);
        assertThat(start.ocpiStatus()).isEqualTo(2000);
        Reply reserve = platform.adapter.ocpi("POST", "/ocpi/cpo/2.2.1/commands/RESERVE_NOW", intruderToken, Map.of(
                "response_url", intruder.url("/r"), "location_id", "LOC1", "token", otherToken, "expiry_date", "2030-01-01T00:00:00Z",
                "reservation_id", "R1"));
        assertThat(reserve.status()).isEqualTo(403);
        assertThat(commandResult("STOP_SESSION", Map.of("response_url", intruder.url("/r"), "session_id", "S-PMS"))).isEqualTo("UNKNOWN_SESSION");
        for (String method : List.of("GET", "DELETE")) {
            assertThat(platform.adapter.ocpi(method, "/ocpi/cpo/2.2.1/chargingprofiles/S-PMS?duration=60&response_url=http%3A%2F%2Flocalhost%2Fr",
                    intruderToken, null).assertStatus(200).data().get("result").asText()).isEqualTo("UNKNOWN_SESSION");
        }

        // With its own token and session the same requests go through to the charge point side (none is connected here).
        assertThat(commandResult("START_SESSION", Map.of("response_url", intruder.url("/r"), "location_id", "LOC1", "evse_uid", "LOC1-E1",
                "token", tokenOf("INE")))).isEqualTo("NOT_SUPPORTED");
        assertThat(commandResult("STOP_SESSION", Map.of("response_url", intruder.url("/r"), "session_id", "S-INE"))).isEqualTo("NOT_SUPPORTED");
        assertThat(platform.adapter.ocpi("DELETE", "/ocpi/cpo/2.2.1/chargingprofiles/S-INE?response_url=http%3A%2F%2Flocalhost%2Fr",
                intruderToken, null).assertStatus(200).data().get("result").asText()).isEqualTo("NOT_SUPPORTED");
        assertThat(platform.adapter.ocpi("PUT", "/ocpi/cpo/2.2.1/sessions/S-PMS/charging_preferences", intruderToken,
                Map.of("profile_type", "FAST")).status()).isEqualTo(404);
    }

    @Test
    void resultsOfOurRequestsAreTakenOnlyFromThePeerWeAsked() throws Exception {
        platform.peer.on("/2.2.1/receiver/commands/STOP_SESSION", Answer.ocpi("{\"result\":\"ACCEPTED\",\"timeout\":30}"));
        String command = platform.input("ocpi.commands.send", "{\"session_id\":\"THEIR-S\"}",
                Map.of("OcpiCommand", "STOP_SESSION", "OcpiCountryCode", "NL", "OcpiPartyId", "PCP")).getMessage().getHeader("OcpiRequestId", String.class);
        platform.peer.on("/2.2.1/receiver/chargingprofiles/THEIR-S", Answer.ocpi("{\"result\":\"ACCEPTED\",\"timeout\":30}"));
        String profile = platform.input("ocpi.chargingprofiles.send", "{}", Map.of("OcpiOperation", "CLEAR", "OcpiObjectId", "THEIR-S",
                "OcpiCountryCode", "NL", "OcpiPartyId", "PCP")).getMessage().getHeader("OcpiRequestId", String.class);

        String commandUrl = "/ocpi/emsp/2.2.1/commands/STOP_SESSION/" + command;
        String profileUrl = "/ocpi/emsp/2.2.1/chargingprofiles/results/" + profile;
        assertThat(platform.adapter.ocpi("POST", commandUrl, intruderToken, Map.of("result", "REJECTED")).status()).isEqualTo(404);
        assertThat(platform.adapter.ocpi("POST", profileUrl, intruderToken, Map.of("result", "REJECTED")).status()).isEqualTo(404);
        platform.call("POST", commandUrl, Map.of("result", "ACCEPTED")).assertStatus(200);
        platform.call("POST", profileUrl, Map.of("result", "ACCEPTED")).assertStatus(200);

        // An active profile for a session another CPO pushed to us is refused; one we know nothing of is taken on trust.
        String active = "{\"start_date_time\":\"2024-01-01T10:00:00Z\",\"charging_profile\":{\"charging_rate_unit\":\"W\"}}";
        assertThat(platform.adapter.ocpi("PUT", "/ocpi/emsp/2.2.1/chargingprofiles/S1", intruderToken, active).status()).isEqualTo(404);
        platform.call("PUT", "/ocpi/emsp/2.2.1/chargingprofiles/S1", active).assertStatus(200);
        platform.adapter.ocpi("PUT", "/ocpi/emsp/2.2.1/chargingprofiles/INE-S9", intruderToken, active).assertStatus(200);
    }

    @Test
    void senderInterfacesShowOnlyOursAndOfSessionsAndCdrsOnlyTheCallersOwn() {
        assertThat(ids(platform.adapter.ocpi("GET", "/ocpi/cpo/2.2.1/sessions", intruderToken, null))).containsExactly("S-INE");
        assertThat(ids(platform.call("GET", "/ocpi/cpo/2.2.1/sessions", null))).containsExactly("S-PMS");
        assertThat(ids(platform.adapter.ocpi("GET", "/ocpi/cpo/2.2.1/cdrs", intruderToken, null))).containsExactly("CDR-INE");
        assertThat(ids(platform.call("GET", "/ocpi/cpo/2.2.1/cdrs", null))).containsExactly("CDR-PMS");

        // Locations and tariffs: ours, to every peer; never what another party pushed to us.
        for (String token : List.of(intruderToken, platform.token)) {
            assertThat(ids(platform.adapter.ocpi("GET", "/ocpi/cpo/2.2.1/locations", token, null))).containsExactly("LOC1");
            assertThat(ids(platform.adapter.ocpi("GET", "/ocpi/cpo/2.2.1/tariffs", token, null))).containsExactly("OUR-T");
            assertThat(platform.adapter.ocpi("GET", "/ocpi/cpo/2.2.1/locations/LOC1/LOC1-E1/1", token, null).status()).isEqualTo(200);
            assertThat(platform.adapter.ocpi("GET", "/ocpi/cpo/2.2.1/locations/L1", token, null).status()).isEqualTo(404);
            assertThat(platform.adapter.ocpi("GET", "/ocpi/cpo/2.2.1/locations/L1/L1-E1", token, null).status()).isEqualTo(404);
        }

        // Tokens: ours, to CPOs only; authorize looks at ours alone.
        assertThat(ids(platform.call("GET", "/ocpi/emsp/2.2.1/tokens", null))).containsExactly("OUR-K");
        Reply notACpo = platform.adapter.ocpi("GET", "/ocpi/emsp/2.2.1/tokens", intruderToken, null);
        assertThat(notACpo.status()).isEqualTo(403);
        assertThat(notACpo.ocpiStatus()).isEqualTo(2000);
        assertThat(platform.adapter.ocpi("POST", "/ocpi/emsp/2.2.1/tokens/OUR-K/authorize", intruderToken, null).status()).isEqualTo(403);
        Reply theirs = platform.call("POST", "/ocpi/emsp/2.2.1/tokens/K1/authorize", null);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.ocpiStatus()).isEqualTo(2004);
    }

    /** Token A of an invitation reaches versions and credentials, and no endpoint of any module. */
    @Test
    void tokenAReachesNoModule() {
        String tokenA = platform.adapter.invite("not-yet");
        platform.adapter.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(200);
        JsonNode endpoints = platform.adapter.ocpi("GET", "/ocpi/2.2.1", tokenA, null).assertStatus(200).data().get("endpoints");
        platform.adapter.ocpi("GET", "/ocpi/2.2.1/credentials", tokenA, null).assertStatus(200);

        List<String[]> calls = new ArrayList<>();
        for (JsonNode endpoint : endpoints) {
            String url = endpoint.get("url").asText().substring(platform.adapter.baseUrl().length());
            // Each Sender list; the other interfaces have no GET at their base URL and are called one by one below.
            if (endpoint.get("role").asText().equals("SENDER")
                    && !List.of("credentials", "commands", "chargingprofiles").contains(endpoint.get("identifier").asText())) {
                calls.add(new String[] {"GET", url});
            }
        }
        calls.addAll(List.of(new String[] {"GET", "/ocpi/cpo/2.2.1/locations/LOC1"}, new String[] {"GET", "/ocpi/cpo/2.2.1/locations/LOC1/LOC1-E1"},
                new String[] {"GET", "/ocpi/cpo/2.2.1/locations/LOC1/LOC1-E1/1"}, new String[] {"PUT", "/ocpi/cpo/2.2.1/sessions/S-PMS/charging_preferences"},
                new String[] {"POST", "/ocpi/emsp/2.2.1/tokens/OUR-K/authorize"}, new String[] {"POST", "/ocpi/cpo/2.2.1/commands/STOP_SESSION"},
                new String[] {"POST", "/ocpi/emsp/2.2.1/commands/STOP_SESSION/1"}, new String[] {"GET", "/ocpi/cpo/2.2.1/chargingprofiles/S-PMS"},
                new String[] {"PUT", "/ocpi/cpo/2.2.1/chargingprofiles/S-PMS"}, new String[] {"DELETE", "/ocpi/cpo/2.2.1/chargingprofiles/S-PMS"},
                new String[] {"PUT", "/ocpi/emsp/2.2.1/chargingprofiles/S1"}, new String[] {"POST", "/ocpi/emsp/2.2.1/chargingprofiles/results/1"},
                new String[] {"POST", "/ocpi/emsp/2.2.1/cdrs"}, new String[] {"GET", "/ocpi/2.2.1/hubclientinfo/NL/PCP"},
                new String[] {"PUT", "/ocpi/2.2.1/hubclientinfo/NL/PCP"}));
        receiverReads().forEach(path -> calls.add(new String[] {"GET", path}));
        receiverWrites().forEach(args -> calls.add(new String[] {(String) args.get()[0], (String) args.get()[1]}));
        assertThat(calls).hasSizeGreaterThan(40);
        for (String[] call : calls) {
            Reply reply = platform.adapter.ocpi(call[0], call[1], tokenA, "{}");
            assertThat(reply.status()).as("%s %s: %s", call[0], call[1], reply.body()).isEqualTo(401);
            assertThat(reply.ocpiStatus()).isEqualTo(2000);
        }
        assertUnchanged();
    }

    private static void assertUnchanged() {
        before.forEach((path, body) -> assertThat(platform.call("GET", path, null).assertStatus(200).data().toString())
                .as("owner's GET %s", path).isEqualTo(body));
    }

    private static String commandResult(String command, Map<String, Object> body) {
        return platform.adapter.ocpi("POST", "/ocpi/cpo/2.2.1/commands/" + command, intruderToken, body)
                .assertStatus(200).data().get("result").asText();
    }

    private static Map<String, Object> tokenOf(String party) {
        return Map.of("country_code", "NL", "party_id", party, "uid", "T-" + party, "type", "RFID", "contract_id", "NL-" + party + "-1",
                "issuer", "Peer", "valid", true, "whitelist", "ALWAYS", "last_updated", "2024-01-01T00:00:00Z");
    }

    private static List<String> ids(Reply list) {
        list.assertStatus(200);
        return StreamSupport.stream(list.data().spliterator(), false).map(o -> o.has("id") ? o.get("id").asText() : o.get("uid").asText()).toList();
    }

    private static JsonNode json(String text) {
        try {
            return AdapterInstance.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
