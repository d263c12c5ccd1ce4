package io.ocpi.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance.Reply;
import java.util.HashMap;
import java.util.Map;

/**
 * A scripted peer of one OCPI version, registered with an adapter under test as a roaming partner would be: its own
 * server (a {@link FakePeer}) serves its versions and that version's details and answers whatever a test scripts
 * there; it registers by the credentials handshake and calls the adapter over real HTTP with the token it got,
 * written as its version writes tokens (as it is in 2.1.1, Base64 since 2.2). What it sends is what a test gives it:
 * its credentials object, its bodies.
 */
public final class ScriptedPeer implements AutoCloseable {

    public final AdapterInstance adapter;
    public final String version;
    public final FakePeer server;
    /** The token the adapter calls the peer with (credentials token B). */
    public final String tokenB;
    /** The token the peer calls the adapter with (credentials token C), once registered. */
    private String token;

    private ScriptedPeer(AdapterInstance adapter, String version, String tokenB, String... modules) {
        this.adapter = adapter;
        this.version = version;
        this.tokenB = tokenB;
        this.server = new FakePeer().offering(version, modules);
    }

    /** An adapter under test for scripted peers: CPO NL*ADC and eMSP NL*ADE, {@code settings} on top of the defaults. */
    public static AdapterInstance startAdapter(String name, Map<String, Object> settings, Class<?>... extra) {
        return AdapterInstance.start(name, "NL", "AD", settings, extra);
    }

    /**
     * A peer of {@code version} for {@code adapter}, not registered yet: its server offers {@code modules} (see
     * {@link FakePeer#offering}); a test may script more of it before {@link #register}.
     */
    public static ScriptedPeer of(AdapterInstance adapter, String version, String tokenB, String... modules) {
        return new ScriptedPeer(adapter, version, tokenB, modules);
    }

    /** Where the peer's versions are, for its credentials object. */
    public String versionsUrl() {
        return server.url("/versions");
    }

    /**
     * The credentials handshake: POSTs {@code credentials} to the adapter's credentials module of this version with
     * token A, the invitation's, and keeps the token C the adapter answers.
     */
    public Reply register(String tokenA, Object credentials) {
        Reply registered = callWith(tokenA, "POST", "/ocpi/" + version + "/credentials", credentials, Map.of()).assertStatus(200);
        assertThat(registered.ocpiStatus()).isEqualTo(1000);
        token = registered.data().get("token").asText();
        return registered;
    }

    /** Token C, the adapter gave the peer. */
    public String token() {
        return token;
    }

    /** A call to the adapter with token C, no other headers. */
    public Reply call(String method, String path, Object body) {
        return callWith(token, method, path, body, Map.of());
    }

    /** A call to the adapter with token C and extra headers (routing headers, request ids). */
    public Reply call(String method, String path, Object body, Map<String, String> headers) {
        return callWith(token, method, path, body, headers);
    }

    /** A call to the adapter with another token, written as this version writes tokens; none when it is null. */
    public Reply callWith(String otherToken, String method, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        if (otherToken != null) {
            all.put("Authorization", "Token " + (version.equals("2.1.1") ? otherToken : AdapterInstance.base64(otherToken)));
        }
        return AdapterInstance.send(method, adapter.baseUrl() + path, all, body);
    }

    /** Stops the peer's server; the adapter is its starter's to close. */
    @Override
    public void close() {
        server.close();
    }
}
