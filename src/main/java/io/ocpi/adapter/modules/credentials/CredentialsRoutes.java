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

        // The credentials object's shape is the version's: the handshake reads and writes it.
        ocpiRoute("credentials-get", Access.REGISTRATION)
                .answer((caller, e) -> handshake.current(caller, OcpiExchange.version(e)));

        ocpiRoute("credentials-register", Access.REGISTRATION)
                .answer((caller, e) -> handshake.acceptRegistration(caller, e.getIn().getBody(byte[].class), OcpiExchange.version(e)));

        ocpiRoute("credentials-update", Access.REGISTRATION)
                .answer((caller, e) -> handshake.acceptUpdate(caller, e.getIn().getBody(byte[].class), OcpiExchange.version(e)));

        ocpiRoute("credentials-unregister", Access.REGISTRATION)
                .answer((caller, e) -> {
                    handshake.acceptUnregistration(caller);
                    return null;
                });
    }
}
