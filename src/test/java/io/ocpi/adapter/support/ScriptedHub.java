package io.ocpi.adapter.support;

import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A hub in front of the adapter, scripted from the 2.2.1 text on message routing (transport_and_format, "Message
 * Routing") and hubclientinfo: one connection, registered with the HUB role only, behind which many parties are. It
 * forwards requests of its parties with their {@code OCPI-from-*} headers, Broadcast Pushes with its own, and open
 * routing requests without {@code OCPI-to-*}; it pushes ClientInfo on its parties. Like hubs in service, it refuses
 * every functional request that lacks one of the four routing headers, and caps the pages it serves.
 */
public final class ScriptedHub implements AutoCloseable {

    /** The hub's own party. */
    public static final String[] HUB = {"NL", "HUB"};

    static final String[] MODULES = {"credentials", "hubclientinfo", "locations", "tokens", "cdrs:RECEIVER", "sessions:RECEIVER",
        "locations:RECEIVER", "tariffs:RECEIVER", "tokens:RECEIVER"};
    static final List<String> ROUTING_HEADERS = List.of("OCPI-from-country-code", "OCPI-from-party-id", "OCPI-to-country-code",
            "OCPI-to-party-id");

    public final FakePeer server = new FakePeer().offering221(MODULES);
    private final AdapterInstance adapter;
    private final String token;

    /** Registers a new hub with {@code adapter}, under the name {@code name}. */
    public ScriptedHub(AdapterInstance adapter, String name) {
        this.adapter = adapter;
        Map<String, Object> credentials = Map.of("token", name + "-token-b", "url", server.url("/versions"), "roles", List.of(Map.of(
                "role", "HUB", "country_code", HUB[0], "party_id", HUB[1], "business_details", Map.of("name", "Scripted Hub"))));
        Reply registered = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite(name), credentials).assertStatus(200);
        this.token = registered.data().get("token").asText();
    }

    /**
     * Answers the functional requests at {@code path} with {@code answer}, once it has checked the four routing
     * headers: a request without one of them is refused (HTTP 400, OCPI 2001) and never reaches {@code answer}.
     */
    public ScriptedHub on(String path, Function<FakePeer.Received, Answer> answer) {
        server.on(path, request -> {
            for (String header : ROUTING_HEADERS) {
                if (request.header(header) == null) {
                    return new Answer(400, "{\"status_code\":2001,\"status_message\":\"" + header + " is required by this hub\","
                            + "\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of());
                }
            }
            return answer.apply(request);
        });
        return this;
    }

    /** A request the hub forwards to the adapter from {@code from}, to {@code to} (null: an open routing request). */
    public Reply forward(String method, String path, Object body, String[] from, String[] to) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Token " + AdapterInstance.base64(token),
                "OCPI-from-country-code", from[0], "OCPI-from-party-id", from[1]));
        if (to != null) {
            headers.put("OCPI-to-country-code", to[0]);
            headers.put("OCPI-to-party-id", to[1]);
        }
        return AdapterInstance.send(method, adapter.baseUrl() + path, headers, body);
    }

    /** The hub tells the adapter the connection status of one of its parties (hubclientinfo, no routing headers). */
    public Reply clientInfo(String countryCode, String partyId, String role, String status, String lastUpdated) {
        return adapter.ocpi("PUT", "/ocpi/2.2.1/hubclientinfo/" + countryCode + "/" + partyId, token, Map.of("party_id", partyId,
                "country_code", countryCode, "role", role, "status", status, "last_updated", lastUpdated));
    }

    @Override
    public void close() {
        server.close();
    }
}
