package io.ocpi.adapter.modules.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.DisplayText;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RequestBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * <p>The listener gets {@code {"token": <Token>, "location": <LocationReferences or absent>}}, with the token's uid,
 * type and the location's id in the headers {@code OcpiObjectId}, {@code OcpiTokenType} and {@code OcpiLocationId},
 * and answers an AllowedType name, or an object with {@code allowed} and, if it likes, {@code authorization_reference},
 * {@code info} and a narrower {@code location}.
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
    private final ObjectReader tokens;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 100_000;
    /** Headers of the question beside {@link OcpiEvents#OBJECT_ID} (the uid): the token's type, the location asked about. */
    static final String TOKEN_TYPE = "OcpiTokenType";
    static final String LOCATION_ID = "OcpiLocationId";

    public TokenAuthorization(OwnedObjects objects, OcpiBodies bodies, ObjectMapper json, Platform platform, OcpiEvents events,
                              AuthorizationMetrics decisions, OcpiProperties properties) {
        this.decisions = decisions;
        this.cacheFor = properties.authorization().cacheFor();
        this.objects = objects;
        this.bodies = bodies;
        this.json = json;
        this.tokens = json.readerFor(Token.class).withAttribute(VersionNumber.class, VersionNumber.CANONICAL);
        this.platform = platform;
        this.events = events;
    }

    private record Cached(Decided decided, Instant until) {
    }

    /**
     * What the listening route decided: its answer without the token, which is ours (stored, so valid) and added to
     * the answer here.
     */
    record Decided(
            @NotNull AllowedType allowed,
            @Valid LocationReferences location,
            @CiString @Size(max = 36) String authorizationReference,
            @Valid DisplayText info) {
    }

    /** The same question (token and location) within {@code ocpi.authorization.cache-for}. */
    private Optional<Decided> cached(String question) {
        Cached hit = cache.get(question);
        if (hit == null || hit.until().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.ofNullable(hit.decided());
    }

    private void remember(String question, Decided decided) {
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

    /** One of our stored tokens, as stored, and its type. */
    private record Found(String token, TokenType type) {
    }

    /** @param types the types the token asked about may have, the first stored one answering (one but in 2.1.1) */
    public AuthorizationInfo authorize(Caller caller, String uid, List<TokenType> types, RequestBody body) {
        LocationReferences location = body.isEmpty() ? null : bodies.read(body, LocationReferences.class);
        Found found = objects.findOurs(ModuleId.TOKENS, platform.parties(Role.EMSP), uid, types.stream().map(TokenType::name).toList())
                .map(stored -> new Found(stored.body(), typeNamed(types, stored.type())))
                .orElseThrow(() -> new OcpiException(OcpiStatus.UNKNOWN_TOKEN, 404, "unknown token " + uid + " of type "
                        + (types.size() == 1 ? types.get(0) : types)));
        String stored = found.token();

        // The stored token is a JSON object already: the question is written around it, not parsed and written again.
        String questionText = location == null ? "{\"token\":" + stored + "}"
                : "{\"token\":" + stored + ",\"location\":" + objects.write(location) + "}";
        Decided decided = cached(questionText).orElseGet(() -> {
            Map<String, Object> headers = new HashMap<>();
            // Upper-case, as every id in a header: billing looks the card up by it.
            headers.put(OcpiEvents.OBJECT_ID, uid.toUpperCase(Locale.ROOT));
            headers.put(TOKEN_TYPE, found.type().name());
            if (location != null) {
                headers.put(LOCATION_ID, location.locationId());
            }
            Decided fresh = decided(events.announce(ModuleId.TOKENS, "authorize", questionText, OcpiEvents.about(caller.peer(), headers)));
            remember(questionText, fresh);
            return fresh;
        });

        Token token = read(stored);
        AuthorizationInfo decision = decided == null
                ? new AuthorizationInfo(Boolean.TRUE.equals(token.valid()) ? AllowedType.ALLOWED : AllowedType.BLOCKED, token, location,
                        UUID.randomUUID().toString(), null)
                : new AuthorizationInfo(decided.allowed(), token, decided.location() != null ? decided.location() : location,
                        decided.authorizationReference() != null ? decided.authorizationReference() : UUID.randomUUID().toString(),
                        decided.info());
        decisions.counted("emsp", decision.allowed());
        return decision;
    }

    private static TokenType typeNamed(List<TokenType> types, String name) {
        return types.stream().filter(type -> type.name().equals(name)).findFirst().orElseThrow();
    }

    /** The listening route's answer, checked as an AuthorizationInfo's fields are; null when nobody answered. */
    private Decided decided(Object answer) {
        JsonNode node = OcpiEvents.answer(answer, json);
        if (node == null) {
            return null;
        }
        ObjectNode fields;
        if (node.isTextual()) {
            fields = json.createObjectNode().put("allowed", node.asText());
        } else {
            fields = ((ObjectNode) node).deepCopy();
            fields.remove("token");
        }
        try {
            return bodies.convert(fields, Decided.class);
        } catch (OcpiException e) {
            throw new IllegalStateException("the authorize route answered an invalid AuthorizationInfo: " + e.getMessage(), e);
        }
    }

    private Token read(String stored) {
        try {
            return tokens.readValue(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
