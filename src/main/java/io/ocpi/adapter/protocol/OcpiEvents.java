package io.ocpi.adapter.protocol;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.stereotype.Component;

/**
 * The adapter's extension points: named internal endpoints, {@code direct:ocpi.<module>.<event>}, where routes in
 * {@code routes/} listen. Two kinds of event use them:
 * <ul>
 *   <li>questions ({@link #announce}): asked inside the OCPI request, the listener's answer is the reply; a listener
 *       that fails makes the request fail with OCPI 3000;</li>
 *   <li>news ({@link #listeners}, delivered through the outbox): something was received; every route listening on
 *       the endpoint or on {@code <endpoint>.<name>} gets it once, after the request, retried until it succeeds.</li>
 * </ul>
 * The endpoints and their message contract are listed in docs/extension-points.md.
 *
 * <p>Which routes listen to an endpoint is worked out once and kept until a route is added or removed (at the start,
 * by a reload of a route file, by an operator); whether they are started is asked at every event.
 */
@Component
public class OcpiEvents {

    public static final String MODULE = "OcpiModule";
    public static final String EVENT = "OcpiEvent";
    public static final String COUNTRY_CODE = "OcpiCountryCode";
    public static final String PARTY_ID = "OcpiPartyId";
    public static final String OBJECT_ID = "OcpiObjectId";
    public static final String PEER = "OcpiPeer";
    /** The OCPI version the peer behind an event speaks (the event's body is canonical whatever it is). */
    public static final String VERSION = "OcpiVersion";

    /** An event's headers with those that name the peer behind it: {@link #PEER} and the version it speaks, {@link #VERSION}. */
    public static Map<String, Object> about(io.ocpi.adapter.registry.Peer peer, Map<String, Object> headers) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(headers);
        all.put(PEER, peer.name());
        all.put(VERSION, peer.ocpiVersion().text());
        return all;
    }

    private final CamelContext camel;
    private final ProducerTemplate producer;
    /** Replaced, not cleared, when routes change: a lookup that read the routes before the change fills the old one. */
    private volatile Map<String, Listening> listening = new ConcurrentHashMap<>();

    /**
     * The routes listening to one event's endpoint: {@code direct} those consuming it itself, {@code news} the
     * endpoints of those on it or below it (switched off ones left out), {@code endpoint} the endpoint to send to.
     */
    private record Listening(Endpoint endpoint, List<String> direct, List<String> news) {
    }

    public OcpiEvents(CamelContext camel) {
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        EventNotifierSupport routesChanged = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                listening = new ConcurrentHashMap<>();
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.RouteAddedEvent || event instanceof CamelEvent.RouteRemovedEvent
                        || event instanceof CamelEvent.RouteReloadedEvent || event instanceof CamelEvent.CamelContextStartedEvent;
            }
        };
        camel.getManagementStrategy().addEventNotifier(routesChanged);
        ServiceHelper.startService(routesChanged);
    }

    private Listening listening(String module, String event) {
        return listening.computeIfAbsent(endpoint(module, event), uri -> {
            Endpoint endpoint = camel.getEndpoint(uri);
            String key = endpoint.getEndpointKey();
            List<Route> routes = List.copyOf(camel.getRoutes());
            List<String> direct = routes.stream().filter(route -> route.getEndpoint().getEndpointKey().equals(key))
                    .map(Route::getRouteId).toList();
            List<String> news = routes.stream()
                    .filter(route -> !Boolean.FALSE.equals(route.isAutoStartup()))
                    .map(route -> route.getEndpoint().getEndpointKey())
                    .filter(consumed -> consumed.equals(key) || consumed.startsWith(key + "."))
                    .distinct()
                    .sorted()
                    .toList();
            return new Listening(endpoint, direct, news);
        });
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
        // A route not created (its binding's precondition false), not started or stopped by an operator does not listen.
        return listening(module, event).direct().stream().anyMatch(id -> {
            org.apache.camel.ServiceStatus status = camel.getRouteController().getRouteStatus(id);
            return status != null && status.isStarted();
        });
    }

    /**
     * The endpoints of every route that listens to a news event: on {@code direct:ocpi.<module>.<event>} itself, or
     * on {@code direct:ocpi.<module>.<event>.<name>} so that several routes (billing, SAP, Kafka) each get it. A route
     * stopped for now still counts: its events wait for it. A route switched off (not created because its binding's
     * {@code precondition} is false, or {@code autoStartup: false}) does not.
     */
    public List<String> listeners(String module, String event) {
        return listening(module, event).news();
    }

    /** Announces an event; returns the listener's answer body, or null when nobody listens. */
    public Object announce(String module, String event, Object body, Map<String, Object> headers) {
        if (!isListened(module, event)) {
            return null;
        }
        Exchange result = producer.send(listening(module, event).endpoint(), ExchangePattern.InOut, exchange -> {
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
