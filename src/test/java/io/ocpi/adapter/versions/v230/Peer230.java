package io.ocpi.adapter.versions.v230;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.FakePeer.Received;
import io.ocpi.adapter.support.ScriptedPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * A peer platform of OCPI 2.3.0, scripted from the 2.3.0 text alone: its versions, version details and credentials
 * are written as raw JSON, it calls the adapter over real HTTP with the token the handshake gave it, and its own
 * server (a {@link FakePeer}) answers the adapter's calls in 2.3.0's shape and records them. Bodies are JSON text or
 * Jackson trees, never the adapter's records: what the peer sends and reads is what the specification writes.
 *
 * <p>It registers as one platform playing the parties of the specification's examples (CPOs and eMSPs), its own CPO
 * NL*PCP and eMSP NL*PMS, and the PTP NL*PTP (payments); the adapter is the CPO NL*ADC and the eMSP NL*ADE.
 */
final class Peer230 implements AutoCloseable {

    static final String VERSION = "2.3.0";

    /** Parties the peer plays (role, country code, party id): those of the spec's examples, then its own. */
    static final List<String[]> PARTIES = List.of(
            new String[] {"CPO", "BE", "BEC"}, new String[] {"CPO", "SE", "EVC"}, new String[] {"CPO", "NL", "ALF"},
            new String[] {"CPO", "NL", "ALL"}, new String[] {"CPO", "DE", "ALL"}, new String[] {"CPO", "NL", "STK"},
            new String[] {"CPO", "CA", "FLO"}, new String[] {"CPO", "NL", "PCP"},
            new String[] {"EMSP", "DE", "TNM"}, new String[] {"EMSP", "NL", "TNM"}, new String[] {"EMSP", "NL", "TST"},
            new String[] {"EMSP", "NL", "PMS"}, new String[] {"PTP", "NL", "PTP"});

    static final String[] OUR_CPO = {"NL", "ADC"};
    static final String[] OUR_EMSP = {"NL", "ADE"};
    static final String[] PEER_CPO = {"NL", "PCP"};
    static final String[] PEER_EMSP = {"NL", "PMS"};
    static final String[] PEER_PTP = {"NL", "PTP"};

    /** The modules the peer serves, each at /2.3.0/module (Sender) or /2.3.0/receiver/module (Receiver). */
    static final String[] MODULES = {"credentials", "locations", "locations:RECEIVER", "sessions", "sessions:RECEIVER", "cdrs",
        "cdrs:RECEIVER", "tariffs", "tariffs:RECEIVER", "tokens", "tokens:RECEIVER", "commands", "commands:RECEIVER",
        "chargingprofiles", "chargingprofiles:RECEIVER", "hubclientinfo:RECEIVER", "payments"};

    final AdapterInstance adapter;
    final FakePeer server;
    /** The token the peer calls the adapter with (credentials token C). */
    final String token;
    /** The token the adapter calls the peer with (credentials token B). */
    final String tokenB;
    private final ScriptedPeer peer;

    private Peer230(ScriptedPeer peer) {
        this.adapter = peer.adapter;
        this.server = peer.server;
        this.token = peer.token();
        this.tokenB = peer.tokenB;
        this.peer = peer;
    }

    /** Starts an adapter (NL*ADC, NL*ADE) and registers the peer with it in 2.3.0. */
    static Peer230 start(String name, Map<String, Object> settings) {
        AdapterInstance adapter = ScriptedPeer.startAdapter(name, settings);
        ScriptedPeer peer = ScriptedPeer.of(adapter, VERSION, name + "-token-b", MODULES);
        peer.register(adapter.invite(name), credentials(peer.tokenB, peer.versionsUrl(), null));
        return new Peer230(peer);
    }

    static Peer230 start(String name) {
        return start(name, Map.of());
    }

    /** The versions and 2.3.0 details the peer's server answers, as version_information_endpoint.asciidoc writes them. */
    static void offer230(FakePeer server) {
        server.offering(VERSION, MODULES);
    }

    /** Where the peer serves a module's interface. */
    static String peerPath(String module, String role) {
        return "/2.3.0/" + (role.equals("RECEIVER") ? "receiver/" : "") + module;
    }

    /** The peer's 2.3.0 credentials object: its parties as roles, and {@code hub_party_id} when it is a hub. */
    static String credentials(String token, String versionsUrl, String hubPartyId) {
        StringBuilder roles = new StringBuilder();
        for (String[] party : PARTIES) {
            roles.append(roles.isEmpty() ? "" : ",").append("{\"role\":\"").append(party[0]).append("\",\"business_details\":{\"name\":\"")
                    .append(party[1]).append(' ').append(party[2]).append("\"},\"party_id\":\"").append(party[2])
                    .append("\",\"country_code\":\"").append(party[1]).append("\"}");
        }
        return "{\"token\":\"" + token + "\",\"url\":\"" + versionsUrl + "\","
                + (hubPartyId == null ? "" : "\"hub_party_id\":\"" + hubPartyId + "\",") + "\"roles\":[" + roles + "]}";
    }

    // --- The adapter's paths -----------------------------------------------------------------------------------

    static String cpo(String module) {
        return "/ocpi/cpo/2.3.0/" + module;
    }

    static String emsp(String module) {
        return "/ocpi/emsp/2.3.0/" + module;
    }

    // --- Calls of the peer to the adapter ----------------------------------------------------------------------

    Reply call(String method, String path, Object body) {
        return peer.call(method, path, text(body));
    }

    /** A call with the four routing headers, from one of the peer's parties to one of the adapter's. */
    Reply call(String method, String path, Object body, String[] from, String[] to) {
        return call(method, path, body, routing(from, to));
    }

    Reply call(String method, String path, Object body, Map<String, String> headers) {
        return peer.call(method, path, text(body), headers);
    }

    /** A call with another token. */
    Reply callWith(String otherToken, String method, String path, Object body) {
        return peer.callWith(otherToken, method, path, text(body), Map.of());
    }

    static Map<String, String> routing(String[] from, String[] to) {
        return Map.of("OCPI-from-country-code", from[0], "OCPI-from-party-id", from[1],
                "OCPI-to-country-code", to[0], "OCPI-to-party-id", to[1]);
    }

    private static Object text(Object body) {
        return body instanceof JsonNode tree ? tree.toString() : body;
    }

    // --- The enterprise side of the adapter ----------------------------------------------------------------------

    /** Hands the adapter one of its own objects, as its enterprise routes do. */
    String publish(String module, String json) {
        return adapter.publish(module, json);
    }

    /** Sends to one of the adapter's internal inputs; fails with what failed the exchange. */
    Exchange input(String endpoint, Object body, Map<String, Object> headers) {
        return adapter.input(endpoint, body, headers);
    }

    // --- The peer's server ---------------------------------------------------------------------------------------

    /** The peer answers requests at {@code path} with an OCPI envelope holding {@code dataJson}. */
    void answer(String path, String dataJson) {
        server.on(path, Answer.ocpi(dataJson));
    }

    /** The last request at {@code path} with {@code method}, once one has come. */
    Received awaitReceived(String method, String path) {
        await().atMost(Duration.ofSeconds(20)).until(() -> server.received(path).stream().anyMatch(r -> r.method().equals(method)));
        return server.received(path).stream().filter(r -> r.method().equals(method)).reduce((first, last) -> last).orElseThrow();
    }

    @Override
    public void close() {
        adapter.close();
        peer.close();
    }
}
