package io.ocpi.adapter.modules.tokens;

import io.ocpi.adapter.objects.Kind;
import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Role;
import org.springframework.stereotype.Component;

/** The tokens module: an eMSP's tokens, for CPOs, keyed by uid and type. */
@Component
public class TokensModule extends OcpiModule {

    public static final Kind<Token> KIND = Kind.of(ModuleId.TOKENS, Token.class, Role.EMSP)
            .identifiedBy("uid")
            .keyedByType(token -> token.type().name());

    public TokensModule() {
        super(KIND, sender(TokensRoutes.SENDER), receiver(TokensRoutes.RECEIVER));
    }
}
