package io.ocpi.adapter.support;

import io.ocpi.adapter.support.AdapterInstance.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * An adapter under test and one peer platform of OCPI 2.2.1 registered with it, as a roaming partner would be: the
 * peer is a {@link ScriptedPeer} that plays, as CPO and eMSP, every party the specification's examples use.
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
    private final ScriptedPeer scripted;
    private final List<ScriptedPeer> others = new ArrayList<>();

    private PeerPlatform(ScriptedPeer scripted) {
        this.adapter = scripted.adapter;
        this.peer = scripted.server;
        this.token = scripted.token();
        this.scripted = scripted;
    }

    /** Our adapter is NL*ADC (CPO) and NL*ADE (eMSP). */
    public static PeerPlatform start(String name, Map<String, Object> settings, Class<?>... extra) {
        AdapterInstance adapter = ScriptedPeer.startAdapter(name, settings, extra);
        ScriptedPeer peer = ScriptedPeer.of(adapter, "2.2.1", "peer-token-b", MODULES);
        peer.register(adapter.invite("peer"), credentials(peer.tokenB, peer.versionsUrl()));
        return new PeerPlatform(peer);
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
        ScriptedPeer another = ScriptedPeer.of(adapter, "2.2.1", name + "-token-b", MODULES);
        others.add(another);
        List<Map<String, Object>> roles = List.of(
                Map.of("role", "CPO", "country_code", countryCode, "party_id", cpoPartyId, "business_details", Map.of("name", name + " CPO")),
                Map.of("role", "EMSP", "country_code", countryCode, "party_id", emspPartyId, "business_details", Map.of("name", name + " eMSP")));
        another.register(adapter.invite(name), Map.of("token", another.tokenB, "url", another.versionsUrl(), "roles", roles));
        return another.server;
    }

    /** An OCPI call by the peer, with its token. */
    public Reply call(String method, String path, Object body) {
        return scripted.call(method, path, body);
    }

    /** An OCPI call by the peer with extra headers (routing headers, request ids). */
    public Reply call(String method, String path, Object body, Map<String, String> headers) {
        return scripted.call(method, path, body, headers);
    }

    /** Hands the adapter one of our own objects, as an enterprise route would. */
    public String publish(String module, String json) {
        return adapter.publish(module, json);
    }

    /** Sends to one of the adapter's internal inputs, as an enterprise route would. */
    public Exchange input(String endpoint, Object body, Map<String, Object> headers) {
        return adapter.input(endpoint, body, headers);
    }

    @Override
    public void close() {
        adapter.close();
        scripted.close();
        others.forEach(ScriptedPeer::close);
    }
}
