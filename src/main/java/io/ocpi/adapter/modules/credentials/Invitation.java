package io.ocpi.adapter.modules.credentials;

/**
 * What an operator hands to a new peer, over a secure channel outside OCPI, so that it can register with us.
 *
 * @param token       the token A, shown this once only
 * @param versionsUrl our versions endpoint
 */
public record Invitation(long peerId, String name, String token, String versionsUrl) {
}
