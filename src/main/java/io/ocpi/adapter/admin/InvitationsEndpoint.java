package io.ocpi.adapter.admin;

import io.ocpi.adapter.modules.credentials.CredentialsHandshake;
import io.ocpi.adapter.modules.credentials.Invitation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * Admin API for invitations: {@code POST /actuator/invitations {"name": "..."}} creates a token A and answers it with
 * our versions URL, for the operator to hand to the new peer over a secure channel. The token is shown only once.
 */
@Component
@Endpoint(id = "invitations")
public class InvitationsEndpoint {

    private final CredentialsHandshake handshake;

    public InvitationsEndpoint(CredentialsHandshake handshake) {
        this.handshake = handshake;
    }

    @WriteOperation
    public Invitation invite(String name) {
        return handshake.invite(name);
    }
}
