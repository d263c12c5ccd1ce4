package io.ocpi.adapter.admin;

import io.ocpi.adapter.modules.credentials.CredentialsHandshake;
import io.ocpi.adapter.modules.pull.PeerPulls;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.registry.TokenEncoding;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Admin API for peers, at {@code /actuator/peers}:
 * <ul>
 *   <li>{@code GET /actuator/peers}, {@code GET /actuator/peers/{id}}: the registry with connection status;</li>
 *   <li>{@code POST /actuator/peers {"url": <versions URL>, "token": <their token A>, "name": ...}}: register with a peer,
 *       in the highest OCPI version both speak, or in {@code "version"} if given (kept with the peer); {@code "role"}
 *       names the role of ours a peer speaking OCPI 2.1.1 trades with (required then if we play both CPO and EMSP);</li>
 *   <li>{@code POST /actuator/peers/{id}/rotate-token}: credentials update that renews both tokens;</li>
 *   <li>{@code POST /actuator/peers/{id}/plain-token} or {@code .../base64-token}: how we encode our token for the peer
 *       (and whether it may send its own plain when {@code ocpi.auth.accept-plain-tokens} is off);</li>
 *   <li>{@code POST /actuator/peers/{id}/http-errors-for-refusals} or {@code .../http-200-for-refusals}: whether the
 *       peer's requests refused at the OCPI layer get an HTTP error, or HTTP 200 as the spec says (the default);</li>
 *   <li>{@code POST /actuator/peers/{id}/pull-<module>}: pull the peer's complete list of a module into the store;</li>
 *   <li>{@code DELETE /actuator/peers/{id}}: unregister, or revoke the invitation of a peer that has not registered.</li>
 * </ul>
 */
@Component
@Endpoint(id = "peers")
public class PeersEndpoint {

    private final PeerRepository peers;
    private final CredentialsHandshake handshake;
    private final PeerPulls pulls;

    public PeersEndpoint(PeerRepository peers, CredentialsHandshake handshake, PeerPulls pulls) {
        this.peers = peers;
        this.handshake = handshake;
        this.pulls = pulls;
    }

    @ReadOperation
    public List<PeerView> list() {
        return peers.findAll().stream().map(PeerView::of).toList();
    }

    @ReadOperation
    public WebEndpointResponse<Object> get(@Selector long id) {
        return AdminAnswers.answer(() -> peers.find(id).map(PeerView::of)
                .orElseThrow(() -> new IllegalArgumentException("no peer with id " + id)));
    }

    @WriteOperation
    public WebEndpointResponse<Object> register(String url, String token, @Nullable String name, @Nullable TokenEncoding encoding,
                                                @Nullable String version, @Nullable String role) {
        return AdminAnswers.answer(() -> PeerView.of(handshake.register(name == null ? url : name, url, token,
                encoding == null ? TokenEncoding.BASE64 : encoding, AdminAnswers.version(version), AdminAnswers.role(role))));
    }

    @WriteOperation
    public WebEndpointResponse<Object> act(@Selector long id, @Selector String action) {
        return AdminAnswers.answer(() -> switch (action) {
            case "rotate-token" -> PeerView.of(handshake.rotate(id));
            case "plain-token" -> encoding(id, TokenEncoding.PLAIN);
            case "base64-token" -> encoding(id, TokenEncoding.BASE64);
            case "http-errors-for-refusals" -> httpErrorsForRefusals(id, true);
            case "http-200-for-refusals" -> httpErrorsForRefusals(id, false);
            default -> {
                if (action.startsWith("pull-")) {
                    yield pulls.pull(id, action.substring("pull-".length()), null);
                }
                throw new IllegalArgumentException("unknown action '" + action + "'; known: rotate-token, plain-token, base64-token, "
                        + "http-errors-for-refusals, http-200-for-refusals, "
                        + String.join(", ", pulls.modules().stream().map(m -> "pull-" + m).toList()));
            }
        });
    }

    private PeerView encoding(long id, TokenEncoding encoding) {
        peers.setTokenEncoding(id, encoding);
        return PeerView.of(peers.find(id).orElseThrow());
    }

    private PeerView httpErrorsForRefusals(long id, boolean httpErrors) {
        peers.setHttpErrorsForRefusals(id, httpErrors);
        return PeerView.of(peers.find(id).orElseThrow());
    }

    @DeleteOperation
    public WebEndpointResponse<Object> unregister(@Selector long id) {
        return AdminAnswers.answer(() -> PeerView.of(handshake.unregister(id)));
    }
}
