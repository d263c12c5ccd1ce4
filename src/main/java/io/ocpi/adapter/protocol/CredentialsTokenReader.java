package io.ocpi.adapter.protocol;

import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.registry.PeerTokens;
import io.ocpi.adapter.registry.TokenEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code Authorization: Token ...} header and finds the peer behind it.
 *
 * <p>OCPI 2.2.1 and 2.3.0 send the token Base64-encoded; OCPI 2.1.1 sends it as it is, and so do many 2.2 peers. We
 * try the decoded form first and the raw form second; a raw match counts on the paths of OCPI 2.1.1, and elsewhere
 * only when plain tokens are accepted from everyone ({@code ocpi.auth.accept-plain-tokens}) or from that peer (token
 * encoding PLAIN).
 *
 * <p>A presented token is found by the SHA-256 hash of it, never compared with a stored token: how long the answer
 * takes tells a guesser nothing about how many characters it got right.
 */
@Component
public class CredentialsTokenReader {

    private static final String SCHEME = "Token ";

    private final PeerTokens tokens;
    private final OcpiProperties properties;

    public CredentialsTokenReader(PeerTokens tokens, OcpiProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    /** The caller of a request to a path of {@code version}; null for {@code /ocpi/versions}, which all versions share. */
    public Caller authenticate(String authorization, VersionNumber version) {
        if (authorization == null || authorization.isBlank()) {
            throw OcpiException.unauthorized("Authorization header missing");
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw OcpiException.unauthorized("Authorization header must be 'Token <credentials token>'");
        }
        String presented = authorization.substring(SCHEME.length()).trim();
        Optional<Caller> caller = decodeBase64(presented).flatMap(token -> callerOf(token, false));
        if (caller.isEmpty()) {
            caller = callerOf(presented, true).filter(c -> version == VersionNumber.V2_1_1 || properties.auth().acceptPlainTokens()
                    || c.peer().tokenEncoding() == TokenEncoding.PLAIN);
        }
        return caller.orElseThrow(() -> OcpiException.unauthorized("unknown credentials token"));
    }

    private Optional<Caller> callerOf(String token, boolean plain) {
        return tokens.holder(token).map(holder -> new Caller(holder.peer(), holder.scope(), token, plain));
    }

    /**
     * The spec's own header examples encode a trailing newline, and so do peers that copied them: it is not part of
     * any token (tokens are printable non-whitespace ASCII), so it is dropped.
     */
    static Optional<String> decodeBase64(String value) {
        try {
            String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8).strip();
            return decoded.isEmpty() || !decoded.chars().allMatch(c -> c >= 0x21 && c <= 0x7E) ? Optional.empty() : Optional.of(decoded);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The header value we send to a peer, in the encoding it expects. */
    public static String header(String token, TokenEncoding encoding) {
        return SCHEME + (encoding == TokenEncoding.PLAIN ? token : Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
}
