package io.ocpi.adapter.protocol;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The adapter's extension points: after an OCPI operation has done its work, it announces the result on a named
 * internal endpoint, {@code direct:ocpi.<module>.<event>}, where routes in {@code routes/} may listen. Nobody
 * listening is fine; a listener that fails makes the OCPI operation fail (with OCPI 3000), so that the peer sends
 * again later and nothing is lost. The endpoints and their message contract are listed in docs/extension-points.md.
 */
@Component
public class OcpiEvents {

    public static final String MODULE = "OcpiModule";
    public static final String EVENT = "OcpiEvent";
    public static final String COUNTRY_CODE = "OcpiCountryCode";
    public static final String PARTY_ID = "OcpiPartyId";
    public static final String OBJECT_ID = "OcpiObjectId";
    public static final String PEER = "OcpiPeer";

    private final CamelContext camel;
    private final ProducerTemplate producer;

    public OcpiEvents(CamelContext camel) {
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
    }

    public static String endpoint(String module, String event) {
        return "direct:ocpi." + module + "." + event;
    }

    /**
     * A listener's answer as JSON: an object, or a bare name such as {@code ALLOWED} as a text node; null for none.
     */
    public static com.fasterxml.jackson.databind.JsonNode answer(Object answer, com.fasterxml.jackson.databind.ObjectMapper json) {
        if (answer == null) {
            return null;
        }
        String text = answer instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : answer.toString();
        text = text.trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = json.readTree(text);
            if (node != null && (node.isTextual() || node.isObject())) {
                return node;
            }
        } catch (java.io.IOException bareName) {
            // not JSON: a bare name
        }
        return json.getNodeFactory().textNode(text);
    }

    public boolean isListened(String module, String event) {
        // A route switched off (autoStartup false, or stopped by an operator) does not listen.
        String key = camel.getEndpoint(endpoint(module, event)).getEndpointKey();
        return camel.getRoutes().stream().anyMatch(route -> route.getEndpoint().getEndpointKey().equals(key)
                && camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted());
    }

    /** Announces an event; returns the listener's answer body, or null when nobody listens. */
    public Object announce(String module, String event, Object body, Map<String, Object> headers) {
        if (!isListened(module, event)) {
            return null;
        }
        Exchange result = producer.send(endpoint(module, event), ExchangePattern.InOut, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
            exchange.getIn().setHeader(MODULE, module);
            exchange.getIn().setHeader(EVENT, event);
        });
        if (result.getException() != null) {
            throw new IllegalStateException("listener of " + endpoint(module, event) + " failed: " + result.getException().getMessage(),
                    result.getException());
        }
        return result.getMessage().getBody();
    }
}
