package io.ocpi.adapter.versions.v211;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.ScriptedPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * An adapter and two parties of OCPI 2.1.1 registered with it, scripted from the 2.1.1 text (credentials.md,
 * version_information_endpoint.md, transport_and_format.md) in raw JSON over real HTTP: a 2.1.1 party plays one role,
 * so one scripted party is an eMSP (DE*EMP, trading with the adapter's CPO NL*ADC) and the other a CPO (BE*BEC,
 * trading with the adapter's eMSP NL*ADE). Each serves its 2.1.1 versions and details and, at {@code /2.1.1/<module>},
 * whatever a test scripts; each calls the adapter with the token it got, as it is.
 */
final class Scripted211 implements AutoCloseable {

    /** The adapter's parties: CPO NL*ADC, eMSP NL*ADE. */
    static final String OUR_COUNTRY = "NL";
    static final String OUR_CPO = "ADC";
    static final String OUR_EMSP = "ADE";
    /** The modules of 2.1.1 (version_information_endpoint.md and the module list of README.md). */
    static final List<String> MODULES = List.of("credentials", "locations", "sessions", "cdrs", "tariffs", "tokens", "commands");

    final AdapterInstance adapter;
    final Party emsp;
    final Party cpo;

    private Scripted211(AdapterInstance adapter, Party emsp, Party cpo) {
        this.adapter = adapter;
        this.emsp = emsp;
        this.cpo = cpo;
    }

    /** Starts an adapter named {@code name} (settings {@code extra} on top) and registers both 2.1.1 parties with it. */
    static Scripted211 start(String name, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("ocpi.push.poll-interval", "100ms", "ocpi.push.initial-backoff", "100ms",
                "ocpi.push.max-backoff", "400ms"));
        settings.putAll(extra);
        AdapterInstance adapter = ScriptedPeer.startAdapter(name, settings);
        Party emsp = Party.register(adapter, "EMSP", "DE", "EMP");
        Party cpo = Party.register(adapter, "CPO", "BE", "BEC");
        return new Scripted211(adapter, emsp, cpo);
    }

    /** Hands the adapter one of its own objects (canonical), as an enterprise route would. */
    String publish(String module, String canonical) {
        return adapter.publish(module, canonical);
    }

    /** Sends to one of the adapter's internal inputs, as an enterprise route would; answers the exchange. */
    Exchange input(String endpoint, String body, Map<String, Object> headers) {
        return adapter.input(endpoint, body, headers);
    }

    @Override
    public void close() {
        adapter.close();
        emsp.peer.close();
        cpo.peer.close();
    }

    /** One scripted 2.1.1 party: a {@link ScriptedPeer} playing one role, its credentials, and its id in the registry. */
    static final class Party {

        final String role;
        final String countryCode;
        final String partyId;
        final ScriptedPeer peer;
        final FakePeer server;
        final String tokenB;
        /** The token the adapter gave it, and its id in the adapter's registry. */
        final String tokenC;
        final long id;

        private Party(ScriptedPeer peer, String role, String countryCode, String partyId, long id) {
            this.peer = peer;
            this.server = peer.server;
            this.tokenB = peer.tokenB;
            this.tokenC = peer.token();
            this.role = role;
            this.countryCode = countryCode;
            this.partyId = partyId;
            this.id = id;
        }

        /**
         * The handshake of credentials.md: the party gets token A from the adapter's operator (an invitation naming the
         * role the adapter plays towards it), and POSTs its flat credentials; the adapter GETs its versions and details.
         */
        static Party register(AdapterInstance adapter, String role, String countryCode, String partyId) {
            String name = "scripted-" + role.toLowerCase();
            String tokenA = adapter.admin("POST", "/invitations", Map.of("name", name, "role", role.equals("EMSP") ? "CPO" : "EMSP"))
                    .assertStatus(200).json().get("token").asText();
            ScriptedPeer peer = ScriptedPeer.of(adapter, "2.1.1", "token-b-" + partyId.toLowerCase(), MODULES.toArray(String[]::new));
            String credentials = credentials(peer, role, countryCode, partyId);
            peer.server.on("/2.1.1/credentials", request -> Answer.ocpi(request.method().equals("DELETE") ? "null" : credentials));
            peer.register(tokenA, credentials);
            long id = 0;
            for (JsonNode registered : adapter.admin("GET", "/peers", null).assertStatus(200).json()) {
                if (registered.get("name").asText().equals(name)) {
                    id = registered.get("id").asLong();
                }
            }
            return new Party(peer, role, countryCode, partyId, id);
        }

        /** The party's flat 2.1.1 credentials object (credentials.md 4.1). */
        String credentials() {
            return credentials(peer, role, countryCode, partyId);
        }

        private static String credentials(ScriptedPeer peer, String role, String countryCode, String partyId) {
            return """
                    {"token": "%s", "url": "%s", "business_details": {"name": "Scripted %s"}, "party_id": "%s", "country_code": "%s"}"""
                    .formatted(peer.tokenB, peer.versionsUrl(), role, partyId, countryCode);
        }

        /** The adapter's interface this party calls for {@code module}: {@code /ocpi/cpo/2.1.1/locations} for an eMSP. */
        String ours(String module) {
            return "/ocpi/" + (role.equals("EMSP") ? "cpo" : "emsp") + "/2.1.1/" + module;
        }

        /** A call to the adapter with token C as it is (2.1.1 sends the token unencoded), no routing headers. */
        Reply call(String method, String path, Object body) {
            return call(method, path, body, tokenC);
        }

        Reply call(String method, String path, Object body, String token) {
            return peer.callWith(token, method, path, body, Map.of());
        }

        /** What the adapter sent to {@code path} of this party's server, each checked to be a 2.1.1 request. */
        List<FakePeer.Received> received(String path) {
            List<FakePeer.Received> all = server.received(path);
            all.forEach(this::assertSpeaks211);
            return all;
        }

        /** Waits for the adapter to send {@code count} requests to {@code path}; answers the last. */
        FakePeer.Received awaitReceived(String path, int count) {
            await().atMost(Duration.ofSeconds(15)).until(() -> server.received(path).size() >= count);
            List<FakePeer.Received> all = received(path);
            return all.get(count - 1);
        }

        /** transport_and_format.md: the token as it is; 2.1.1 has no routing headers. */
        void assertSpeaks211(FakePeer.Received request) {
            assertThat(request.header("Authorization")).as(request.path()).isEqualTo("Token " + tokenB);
            assertThat(request.headers().keySet()).as(request.path()).noneMatch(name -> name.toLowerCase().startsWith("ocpi-"));
        }
    }

    /** Reads JSON text. */
    static JsonNode json(String text) {
        try {
            return AdapterInstance.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }

    /** An OCPI 2.1.1 answer holding a page of a list, with the pagination headers of transport_and_format.md. */
    static Answer page(ArrayNode items, int total, int limit, String next) {
        Map<String, String> headers = new HashMap<>(Map.of("X-Total-Count", Integer.toString(total), "X-Limit", Integer.toString(limit)));
        if (next != null) {
            headers.put("Link", "<" + next + ">; rel=\"next\"");
        }
        return new Answer(200, "{\"data\": " + items + ", \"status_code\": 1000, \"timestamp\": \"2024-01-01T00:00:00Z\"}", headers);
    }
}
