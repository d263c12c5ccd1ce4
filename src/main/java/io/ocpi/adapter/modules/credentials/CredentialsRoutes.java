package io.ocpi.adapter.modules.credentials;

import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.protocol.Access;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import org.springframework.stereotype.Component;

/** The credentials module, served side: a peer registers, updates or unregisters with us. */
@Component
public class CredentialsRoutes extends OcpiRouteBuilder {

    public static final String PATH = OcpiUrls.VERSION_PATH + "/" + ModuleId.CREDENTIALS;

    private final CredentialsHandshake handshake;

    public CredentialsRoutes(CredentialsHandshake handshake) {
        this.handshake = handshake;
    }

    @Override
    public void configure() {
        rest(PATH)
                .get().to("direct:credentials-get")
                .post().to("direct:credentials-register")
                .put().to("direct:credentials-update")
                .delete().to("direct:credentials-unregister");

        ocpiRoute("credentials-get", Access.REGISTRATION)
                .process(e -> e.getMessage().setBody(handshake.current(OcpiExchange.caller(e))))
                .bean(protocol, "respond");

        ocpiRoute("credentials-register", Access.REGISTRATION)
                .process(body(Credentials.class))
                .process(e -> e.getMessage().setBody(handshake.acceptRegistration(OcpiExchange.caller(e), e.getIn().getBody(Credentials.class))))
                .bean(protocol, "respond");

        ocpiRoute("credentials-update", Access.REGISTRATION)
                .process(body(Credentials.class))
                .process(e -> e.getMessage().setBody(handshake.acceptUpdate(OcpiExchange.caller(e), e.getIn().getBody(Credentials.class))))
                .bean(protocol, "respond");

        ocpiRoute("credentials-unregister", Access.REGISTRATION)
                .process(e -> {
                    handshake.acceptUnregistration(OcpiExchange.caller(e));
                    e.getMessage().setBody(null);
                })
                .bean(protocol, "respond");
    }
}
