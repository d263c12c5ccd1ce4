package io.ocpi.adapter.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.RawJson;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.WireForms;
import io.ocpi.adapter.registry.Peer;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Calls of functional modules to a registered peer: its token, routing headers from one of our parties to one of its
 * parties, and bodies both ways in the peer's version: what we send is written through the {@link WireForm} of its
 * type for that version, the answer's data is made canonical by the form of the type asked for. Every module sends
 * through here.
 */
@Component
public class PeerCalls {

    private final OcpiClient client;
    private final WireForms forms;
    private final ObjectMapper json;

    public PeerCalls(OcpiClient client, WireForms forms, ObjectMapper json) {
        this.client = client;
        this.forms = forms;
        this.json = json;
    }

    /**
     * @param body   an object, or stored text ({@link RawJson}) that says its type
     * @throws WireForm.UntranslatableException when the body cannot be written in the peer's version
     */
    public <T> PeerResponse<T> send(Peer peer, String method, String url, Object body, Party from, Party to, Class<T> answer) {
        return send(peer, method, url, body, from, to, answer, null);
    }

    /** The same within {@code timeout} (null: the usual {@code ocpi.client.request-timeout}). */
    public <T> PeerResponse<T> send(Peer peer, String method, String url, Object body, Party from, Party to, Class<T> answer,
                                    java.time.Duration timeout) {
        return send(peer, method, url, body, from, to, answer, timeout, Map.of());
    }

    /**
     * The same, for an answer whose version leaves out what the asker knows already (a 2.1.1 AuthorizationInfo names
     * no token: it answers about the one in the URL): each of {@code known}'s fields is set in the answer's data where
     * the peer gave none, before the data is made canonical.
     */
    public <T> PeerResponse<T> send(Peer peer, String method, String url, Object body, Party from, Party to, Class<T> answer,
                                    java.time.Duration timeout, Map<String, ? extends JsonNode> known) {
        Map<String, String> headers = from == null || to == null ? Map.of() : RoutingHeaders.outgoing(from, to);
        VersionNumber version = peer.ocpiVersion();
        Object sent = inVersion(body, version);
        boolean translated = answer != null && forms.translates(answer, version);
        com.fasterxml.jackson.databind.JavaType type = answer == null ? null : client.type(translated ? JsonNode.class : answer);
        PeerResponse<T> response = timeout == null
                ? client.call(method, url, PeerCredential.of(peer), sent, type, headers)
                : client.call(method, url, PeerCredential.of(peer), sent, type, headers, timeout);
        if (!translated || response.data() == null) {
            return response;
        }
        // The answer is the peer's (from its party, or the one we called) to our party that asked.
        WireForm.Parties parties = new WireForm.Parties(to, from);
        try {
            T data = json.convertValue(forms.toCanonical(answer, version, withKnown((JsonNode) response.data(), known), parties), answer);
            return new PeerResponse<>(response.httpStatus(), response.headers(), data, response.statusCode());
        } catch (OcpiException | IllegalArgumentException e) {
            throw new PeerCallException(url, response.httpStatus(), response.statusCode(), "peer's data is not a valid "
                    + answer.getSimpleName() + " of OCPI " + version + " for " + method + " " + url + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode withKnown(JsonNode data, Map<String, ? extends JsonNode> known) {
        if (known.isEmpty() || !(data instanceof ObjectNode given)) {
            return data;
        }
        ObjectNode completed = given.deepCopy();
        known.forEach((field, value) -> {
            if (!completed.hasNonNull(field)) {
                completed.set(field, value);
            }
        });
        return completed;
    }

    private Object inVersion(Object body, VersionNumber version) {
        if (body == null) {
            return body;
        }
        if (body instanceof RawJson raw) {
            String written = forms.toWire(raw.type(), version, raw.json());
            return written.equals(raw.json()) ? raw : new RawJson(written, raw.type());
        }
        return forms.translates(body.getClass(), version) ? forms.toWire(body.getClass(), version, json.valueToTree(body)) : body;
    }

    /** Joins a module URL a peer advertised and the rest of a path, with exactly one slash between them. */
    public static String join(String moduleUrl, String rest) {
        return (moduleUrl.endsWith("/") ? moduleUrl.substring(0, moduleUrl.length() - 1) : moduleUrl) + "/" + rest;
    }
}
