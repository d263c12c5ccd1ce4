package io.ocpi.adapter.support;

import io.ocpi.adapter.support.AdapterInstance.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * An adapter under test and one peer platform registered with it, as a roaming partner would be: the peer is a
 * scripted HTTP server (FakePeer) that plays, as CPO and eMSP, every party the specification's examples use, and
 * calls the adapter over real HTTP with the token it received in the handshake.
 */
public final class PeerPlatform implements AutoCloseable {

    /** Parties the peer plays: those of the spec's examples, plus its own. */
    public static final List<String[]> PARTIES = List.of(
            new String[] {"CPO", "BE", "BEC"}, new String[] {"CPO", "SE", "EVC"}, new String[] {"CPO", "NL", "ALF"},
            new String[] {"CPO", "NL", "ALL"}, new String[] {"CPO", "DE", "ALL"}, new String[] {"CPO", "NL", "STK"},
            new String[] {"CPO", "NL", "PCP"}, new String[] {"EMSP", "DE", "TNM"}, new String[] {"EMSP", "NL", "TNM"},
            new String[] {"EMSP", "NL", "PMS"});

    static final String[] MODULES = {"credentials", "locations", "sessions", "cdrs", "tariffs", "tokens",
        "commands:RECEIVER", "commands", "chargingprofiles:RECEIVER", "chargingprofiles", "tokens:RECEIVER", "locations:RECEIVER", "tariffs:RECEIVER"};

    public final AdapterInstance adapter;
    public final FakePeer peer;
    public final String token;
    private final ProducerTemplate producer;
    private final List<FakePeer> others = new ArrayList<>();

    private PeerPlatform(AdapterInstance adapter, FakePeer peer, String token) {
        this.adapter = adapter;
        this.peer = peer;
        this.token = token;
        this.producer = adapter.bean(CamelContext.class).createProducerTemplate();
    }

    /** Our adapter is NL*ADC (CPO) and NL*ADE (eMSP). */
    public static PeerPlatform start(String name, Map<String, Object> settings, Class<?>... extra) {
        AdapterInstance adapter = AdapterInstance.start(name, "NL", "AD", settings, extra);
        FakePeer peer = new FakePeer().offering221(MODULES);
        Reply reply = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite("peer"), credentials("peer-token-b", peer.url("/versions")));
        reply.assertStatus(200);
        return new PeerPlatform(adapter, peer, reply.data().get("token").asText());
    }

    public static PeerPlatform start(String name) {
        return start(name, Map.of());
    }

    public static Map<String, Object> credentials(String token, String versionsUrl) {
        List<Map<String, Object>> roles = new ArrayList<>();
        for (String[] party : PARTIES) {
            roles.add(Map.of("role", party[0], "country_code", party[1], "party_id", party[2],
                    "business_details", Map.of("name", party[1] + " " + party[2])));
        }
        return Map.of("token", token, "url", versionsUrl, "roles", roles);
    }

    /**
     * Registers one more peer platform with the adapter, as CPO {@code countryCode*cpoPartyId} and eMSP
     * {@code countryCode*emspPartyId}, offering the same modules as the first; closed with this platform.
     */
    public FakePeer registerAnother(String name, String countryCode, String cpoPartyId, String emspPartyId) {
        FakePeer another = new FakePeer().offering221(MODULES);
        others.add(another);
        List<Map<String, Object>> roles = List.of(
                Map.of("role", "CPO", "country_code", countryCode, "party_id", cpoPartyId, "business_details", Map.of("name", name + " CPO")),
                Map.of("role", "EMSP", "country_code", countryCode, "party_id", emspPartyId, "business_details", Map.of("name", name + " eMSP")));
        adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite(name),
                Map.of("token", name + "-token-b", "url", another.url("/versions"), "roles", roles)).assertStatus(200);
        return another;
    }

    /** An OCPI call by the peer, with its token. */
    public Reply call(String method, String path, Object body) {
        return adapter.ocpi(method, path, token, body);
    }

    /** An OCPI call by the peer with extra headers (routing headers, request ids). */
    public Reply call(String method, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", "Token " + AdapterInstance.base64(token));
        return AdapterInstance.send(method, adapter.baseUrl() + path, all, body);
    }

    /** Hands the adapter one of our own objects, as an enterprise route would. */
    public String publish(String module, String json) {
        return producer.requestBody("direct:ocpi." + module + ".publish", json.getBytes(StandardCharsets.UTF_8), String.class);
    }

    /** Sends to one of the adapter's internal inputs, as an enterprise route would. */
    public Exchange input(String endpoint, Object body, Map<String, Object> headers) {
        Exchange result = producer.request("direct:" + endpoint, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new HashMap<>(headers));
        });
        if (result.getException() != null) {
            throw new IllegalStateException(result.getException());
        }
        return result;
    }

    @Override
    public void close() {
        adapter.close();
        peer.close();
        others.forEach(FakePeer::close);
    }
}
