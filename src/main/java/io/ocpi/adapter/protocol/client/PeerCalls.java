package io.ocpi.adapter.protocol.client;

import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.registry.Peer;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Calls of functional modules to a registered peer: its token, and routing headers from one of our parties to one
 * of its parties. Every module sends through here.
 */
@Component
public class PeerCalls {

    private final OcpiClient client;

    public PeerCalls(OcpiClient client) {
        this.client = client;
    }

    public <T> PeerResponse<T> send(Peer peer, String method, String url, Object body, Party from, Party to, Class<T> answer) {
        return send(peer, method, url, body, from, to, answer, null);
    }

    /** The same within {@code timeout} (null: the usual {@code ocpi.client.request-timeout}). */
    public <T> PeerResponse<T> send(Peer peer, String method, String url, Object body, Party from, Party to, Class<T> answer,
                                    java.time.Duration timeout) {
        Map<String, String> headers = from == null || to == null ? Map.of() : RoutingHeaders.outgoing(from, to);
        com.fasterxml.jackson.databind.JavaType type = answer == null ? null : client.type(answer);
        return timeout == null
                ? client.call(method, url, PeerCredential.of(peer), body, type, headers)
                : client.call(method, url, PeerCredential.of(peer), body, type, headers, timeout);
    }

    /** Joins a module URL a peer advertised and the rest of a path, with exactly one slash between them. */
    public static String join(String moduleUrl, String rest) {
        return (moduleUrl.endsWith("/") ? moduleUrl.substring(0, moduleUrl.length() - 1) : moduleUrl) + "/" + rest;
    }
}
