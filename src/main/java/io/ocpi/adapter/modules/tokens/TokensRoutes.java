package io.ocpi.adapter.modules.tokens;

import static io.ocpi.adapter.modules.tokens.TokensModule.KIND;

import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.OpenEnum;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Pagination;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RequestBody;
import io.ocpi.adapter.store.ObjectStore;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The tokens module in both roles: as an eMSP we serve our customers' tokens and authorize them in real time
 * (Sender), as a CPO we keep the eMSPs' tokens (Receiver). Tokens are keyed by uid and type; {@code ?type=}
 * defaults to RFID.
 *
 * <p>OCPI 2.1.1 knows RFID and OTHER tokens only (mod_tokens.md 4.3), and its CPO interface names a token by uid
 * alone: there a token is PUT under the type its body says, and read or PATCHed as the one of the two stored. A 2.1.1
 * CPO sees each of our tokens of a type 2.1.1 lacks as OTHER, and asks to authorize it as OTHER.
 */
@Component
public class TokensRoutes extends OcpiRouteBuilder {

    public static final String SENDER = OcpiUrls.emsp(ModuleId.TOKENS);
    public static final String RECEIVER = OcpiUrls.cpo(ModuleId.TOKENS);

    private final OwnedObjects objects;
    private final TokenAuthorization authorization;
    private final ChargeAuthorization chargeAuthorization;
    private final Pagination pagination;
    private final Platform platform;
    private final ObjectStore store;

    public TokensRoutes(OwnedObjects objects, TokenAuthorization authorization, ChargeAuthorization chargeAuthorization,
                        Pagination pagination, Platform platform, ObjectStore store) {
        this.store = store;
        this.objects = objects;
        this.authorization = authorization;
        this.chargeAuthorization = chargeAuthorization;
        this.pagination = pagination;
        this.platform = platform;
    }

    @Override
    public void configure() {
        rest(SENDER)
                .get().to("direct:tokens-sender-list")
                .post("/{token_uid}/authorize").to("direct:tokens-sender-authorize");
        String token = "/{country_code}/{party_id}/{token_uid}";
        rest(RECEIVER)
                .get(token).to("direct:tokens-receiver-get")
                .put(token).to("direct:tokens-receiver-put")
                .patch(token).to("direct:tokens-receiver-patch");

        // Our customers' tokens go to the CPOs whose charge points they are used at, and to nobody else.
        moduleRoute("tokens-sender-list", Role.EMSP)
                .answer((caller, e) -> {
                    platform.requirePlays(caller, Role.CPO);
                    return objects.list(ModuleId.TOKENS, SENDER, platform.parties(Role.EMSP), null, pagination.request(e));
                });
        moduleRoute("tokens-sender-authorize", Role.EMSP)
                .answer((caller, e) -> {
                    platform.requirePlays(caller, Role.CPO);
                    return authorization.authorize(caller, param(e, "token_uid"), typesAsked(e), body(e));
                });

        moduleRoute("tokens-receiver-get", Role.CPO)
                .answer((caller, e) -> objects.get(caller, storedKey(e)));
        moduleRoute("tokens-receiver-put", Role.CPO)
                .answer((caller, e) -> {
                    RequestBody body = body(e);
                    return objects.put(caller, KIND, putKey(e, body), body);
                });
        moduleRoute("tokens-receiver-patch", Role.CPO)
                .answer((caller, e) -> objects.patch(caller, KIND, storedKey(e), body(e)));

        // As a CPO: may this token charge? Asked by the charge point management system; headers name the token.
        input(ModuleId.TOKENS, "decide")
                .process(e -> {
                    byte[] body = e.getIn().getBody(byte[].class);
                    e.getMessage().setBody(objects.write(chargeAuthorization.decide(e.getIn().getHeader(OcpiEvents.OBJECT_ID, String.class),
                            type(e.getIn().getHeader("OcpiTokenType", String.class)),
                            body == null || body.length == 0 ? null : bodies.read(body, LocationReferences.class))));
                });

        input(ModuleId.TOKENS, "publish")
                .process(e -> e.getMessage().setBody(objects.write(objects.publish(KIND, Role.EMSP, e.getIn().getBody(byte[].class)))));
    }

    private static ObjectKey tokenKey(Exchange e) {
        ObjectKey key = key(e, ModuleId.TOKENS, "token_uid");
        return new ObjectKey(key.module(), key.owner(), key.id(), type(e).name());
    }

    /** A 2.1.1 URL without a type: the type the body says. */
    private ObjectKey putKey(Exchange e, RequestBody body) {
        ObjectKey key = tokenKey(e);
        if (!namesUidAlone(e) || body.isEmpty()) {
            return key;
        }
        boolean other = TokenType.OTHER.name().equals(bodies.readObject(body.bytes()).path("type").asText());
        return other ? withType(key, TokenType.OTHER) : key;
    }

    /** A 2.1.1 URL without a type: the RFID token of that uid, else the OTHER one. */
    private ObjectKey storedKey(Exchange e) {
        ObjectKey key = tokenKey(e);
        if (!namesUidAlone(e) || store.find(key).isPresent()) {
            return key;
        }
        ObjectKey other = withType(key, TokenType.OTHER);
        return store.find(other).isPresent() ? other : key;
    }

    private static boolean namesUidAlone(Exchange e) {
        return OcpiExchange.version(e) == VersionNumber.V2_1_1 && type(e).equals(TokenType.RFID) && e.getIn().getHeader("type") == null;
    }

    private static ObjectKey withType(ObjectKey key, TokenType type) {
        return new ObjectKey(key.module(), key.owner(), key.id(), type.name());
    }

    /** The types a token asked about may have: in 2.1.1, OTHER is every type but RFID, and only RFID and OTHER are asked. */
    static List<TokenType> typesAsked(Exchange e) {
        TokenType asked = type(e);
        if (OcpiExchange.version(e) != VersionNumber.V2_1_1) {
            return List.of(asked);
        }
        if (asked.equals(TokenType.RFID)) {
            return List.of(TokenType.RFID);
        }
        if (asked.equals(TokenType.OTHER)) {
            return Arrays.stream(TokenType.values()).filter(type -> !type.equals(TokenType.RFID)).toList();
        }
        throw OcpiException.invalid("type: '" + asked + "' is no token type of OCPI 2.1.1, which knows RFID and OTHER");
    }

    /**
     * The {@code type} of a request's URL, RFID when none: in a version whose token types are open (2.3.0) a type the
     * specification does not name names a token of that type, as in a body; elsewhere it is refused.
     */
    static TokenType type(Exchange e) {
        String type = e.getIn().getHeader("type", String.class);
        if (type != null && !type.isBlank() && OpenEnum.openIn(OcpiExchange.version(e))) {
            return TokenType.of(type);
        }
        return type(type);
    }

    static TokenType type(String type) {
        if (type == null || type.isBlank()) {
            return TokenType.RFID;
        }
        try {
            return TokenType.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            throw OcpiException.invalid("type: unknown value '" + type + "', expected one of " + Arrays.toString(TokenType.values()));
        }
    }
}
