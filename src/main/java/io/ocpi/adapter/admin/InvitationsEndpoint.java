package io.ocpi.adapter.admin;

import io.ocpi.adapter.modules.credentials.CredentialsHandshake;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Admin API for invitations: {@code POST /actuator/invitations {"name": "..."}} creates a token A and answers it with
 * our versions URL, for the operator to hand to the new peer over a secure channel. The token is shown only once.
 * Optional: {@code "version": "2.1.1"} pins the OCPI version the peer must register in (otherwise it chooses by the
 * credentials URL it calls); {@code "role": "CPO"} names the role of ours a peer speaking OCPI 2.1.1 trades with
 * (a 2.1.1 party has one role; required for a 2.1.1 peer when this platform plays both CPO and EMSP).
 */
@Component
@Endpoint(id = "invitations")
public class InvitationsEndpoint {

    private final CredentialsHandshake handshake;

    public InvitationsEndpoint(CredentialsHandshake handshake) {
        this.handshake = handshake;
    }

    @WriteOperation
    public WebEndpointResponse<Object> invite(String name, @Nullable String version, @Nullable String role) {
        return AdminAnswers.answer(() -> handshake.invite(name, AdminAnswers.version(version), AdminAnswers.role(role)));
    }
}
