package io.ocpi.adapter.modules.tokens;

import static io.ocpi.adapter.modules.tokens.TokensModule.KIND;

import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.OpenEnum;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Pagination;
import io.ocpi.adapter.protocol.Platform;
import java.util.Arrays;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The tokens module in both roles: as an eMSP we serve our customers' tokens and authorize them in real time
 * (Sender), as a CPO we keep the eMSPs' tokens (Receiver). Tokens are keyed by uid and type; {@code ?type=}
 * defaults to RFID.
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

    public TokensRoutes(OwnedObjects objects, TokenAuthorization authorization, ChargeAuthorization chargeAuthorization,
                        Pagination pagination, Platform platform) {
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
                    return authorization.authorize(caller, param(e, "token_uid"), type(e), body(e));
                });

        moduleRoute("tokens-receiver-get", Role.CPO)
                .answer((caller, e) -> objects.get(caller, tokenKey(e)));
        moduleRoute("tokens-receiver-put", Role.CPO)
                .answer((caller, e) -> objects.put(caller, KIND, tokenKey(e), body(e)));
        moduleRoute("tokens-receiver-patch", Role.CPO)
                .answer((caller, e) -> objects.patch(caller, KIND, tokenKey(e), body(e)));

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
