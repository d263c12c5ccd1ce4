package io.ocpi.adapter.admin;

import io.ocpi.adapter.push.Outbox;
import io.ocpi.adapter.push.OutboxItem;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Admin API for the push outbox, at {@code /actuator/outbox}:
 * <ul>
 *   <li>{@code GET /actuator/outbox}: per peer (and per route of ours, for events), how many items wait or are dead letters, and since when;</li>
 *   <li>{@code GET /actuator/outbox/PENDING} or {@code /DEAD}, {@code ?peer=<id>}: the items, with their last error;</li>
 *   <li>{@code POST /actuator/outbox/<item id> {}}: replays one dead letter; {@code POST /actuator/outbox/dead {}}
 *       or {@code {"peer": <id>}}: replays every dead letter (of that peer).</li>
 * </ul>
 */
@Component
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final Outbox outbox;
    private final PeerRepository peers;

    public OutboxEndpoint(Outbox outbox, PeerRepository peers) {
        this.outbox = outbox;
        this.peers = peers;
    }

    /** The backlog of one peer (or one route of ours) in one status. */
    public record Backlog(Long peerId, String peer, String route, OutboxItem.Status status, long items, java.time.Instant oldest) {
    }

    @ReadOperation
    public List<Backlog> backlog() {
        Map<Long, String> names = peers.findAll().stream().collect(Collectors.toMap(Peer::id, Peer::name));
        return outbox.backlog().stream()
                .map(b -> new Backlog(b.peerId(), b.peerId() == null ? null : names.get(b.peerId()), b.route(), b.status(), b.items(), b.oldest()))
                .toList();
    }

    @ReadOperation
    public WebEndpointResponse<Object> items(@Selector String status, @Nullable Long peer) {
        return AdminAnswers.answer(() -> outbox.list(status(status), peer, 500));
    }

    @WriteOperation
    public WebEndpointResponse<Object> replay(@Selector String target, @Nullable Long peer) {
        return AdminAnswers.answer(() -> {
            if ("dead".equalsIgnoreCase(target)) {
                return Map.of("replayed", outbox.replayAll(peer));
            }
            long id;
            try {
                id = Long.parseLong(target);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("replay 'dead' or an item id, not '" + target + "'");
            }
            if (!outbox.replay(id)) {
                throw new IllegalArgumentException("no dead letter with id " + id);
            }
            return Map.of("replayed", 1);
        });
    }

    private static OutboxItem.Status status(String name) {
        try {
            return OutboxItem.Status.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status is PENDING or DEAD, not '" + name + "'");
        }
    }
}
