package io.ocpi.adapter.modules.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RequestBody;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Real-time authorization of one of our tokens, asked by a CPO (mod_tokens, POST authorize). The token must be in our
 * token store (else HTTP 404 with OCPI 2004). Whether it may charge is decided by the route listening on
 * {@code direct:ocpi.tokens.authorize} (the billing binding looks the contract up); with no such route, by the
 * stored token itself: valid is ALLOWED, invalid is BLOCKED. The route's answers are reused for the same token and
 * location for {@code ocpi.authorization.cache-for}, so a driver is not kept waiting on the billing database.
 *
 * <p>The listener gets {@code {"token": <Token>, "location": <LocationReferences or absent>}} and answers an
 * AllowedType name, or an object with {@code allowed} and, if it likes, {@code authorization_reference}, {@code info}
 * and a narrower {@code location}.
 */
@Component
public class TokenAuthorization {

    private final OwnedObjects objects;
    private final OcpiBodies bodies;
    private final ObjectMapper json;
    private final Platform platform;
    private final OcpiEvents events;
    private final AuthorizationMetrics decisions;
    private final Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 100_000;

    public TokenAuthorization(OwnedObjects objects, OcpiBodies bodies, ObjectMapper json, Platform platform, OcpiEvents events,
                              AuthorizationMetrics decisions, OcpiProperties properties) {
        this.decisions = decisions;
        this.cacheFor = properties.authorization().cacheFor();
        this.objects = objects;
        this.bodies = bodies;
        this.json = json;
        this.platform = platform;
        this.events = events;
    }

    private record Cached(JsonNode decided, Instant until) {
    }

    /** The same question (token and location) within {@code ocpi.authorization.cache-for}. */
    private java.util.Optional<JsonNode> cached(String question) {
        Cached hit = cache.get(question);
        if (hit == null || hit.until().isBefore(Instant.now())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(hit.decided());
    }

    private void remember(String question, JsonNode decided) {
        if (decided == null || cacheFor.isZero()) {
            return;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(c -> c.until().isBefore(Instant.now()));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(question, new Cached(decided, Instant.now().plus(cacheFor)));
    }

    /** @param types the types the token asked about may have, the first stored one answering (one but in 2.1.1) */
    public AuthorizationInfo authorize(Caller caller, String uid, List<TokenType> types, RequestBody body) {
        LocationReferences location = body.isEmpty() ? null : bodies.read(body, LocationReferences.class);
        ObjectNode token = types.stream()
                .flatMap(type -> objects.findOurs(ModuleId.TOKENS, platform.parties(Role.EMSP), uid, type.name()).stream())
                .findFirst()
                .map(objects::object)
                .orElseThrow(() -> new OcpiException(OcpiStatus.UNKNOWN_TOKEN, 404, "unknown token " + uid + " of type "
                        + (types.size() == 1 ? types.get(0) : types)));
        String type = token.path("type").asText();

        ObjectNode question = json.createObjectNode();
        question.set("token", token);
        if (location != null) {
            question.set("location", json.valueToTree(location));
        }
        String questionText = objects.write(question);
        JsonNode decided = cached(questionText).orElseGet(() -> {
            JsonNode fresh = OcpiEvents.answer(events.announce(ModuleId.TOKENS, "authorize", questionText, OcpiEvents.about(caller.peer(), Map.of(
                    // Upper-case, as every id in a header: billing looks the card up by it.
                    OcpiEvents.OBJECT_ID, uid.toUpperCase(Locale.ROOT),
                    "OcpiTokenType", type))), json);
            remember(questionText, fresh);
            return fresh;
        });

        ObjectNode info = json.createObjectNode();
        if (decided == null) {
            info.put("allowed", token.path("valid").asBoolean(false) ? "ALLOWED" : "BLOCKED");
        } else {
            if (decided.isTextual()) {
                info.put("allowed", decided.asText());
            } else {
                info.setAll((ObjectNode) decided);
            }
        }
        info.set("token", token);
        if (!info.has("location") && location != null) {
            info.set("location", json.valueToTree(location));
        }
        if (!info.hasNonNull("authorization_reference")) {
            info.put("authorization_reference", UUID.randomUUID().toString());
        }
        try {
            AuthorizationInfo decision = bodies.convert(info, AuthorizationInfo.class);
            decisions.counted("emsp", decision.allowed());
            return decision;
        } catch (OcpiException e) {
            throw new IllegalStateException("the authorize route answered an invalid AuthorizationInfo: " + e.getMessage(), e);
        }
    }
}
