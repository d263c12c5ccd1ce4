package io.ocpi.adapter.modules.credentials;

/**
 * What an operator hands to a new peer, over a secure channel outside OCPI, so that it can register with us.
 *
 * @param token       the token A, shown this once only
 * @param versionsUrl our versions endpoint
 */
public record Invitation(long peerId, String name, String token, String versionsUrl) {

    /** Spring MVC logs the bodies it writes at DEBUG: the token goes to the operator, never to the log. */
    @Override
    public String toString() {
        return "Invitation[peerId=" + peerId + ", name=" + name + ", token=<hidden>, versionsUrl=" + versionsUrl + "]";
    }
}
