package io.ocpi.adapter.registry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The registry's peers, for metrics: {@code ocpi.peers} is 1 for each peer, tagged with its name, where it stands in
 * the handshake and its connection status (OFFLINE: it stopped answering, its pushes wait). Renewed every 15 s.
 */
@Component
public class PeerMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(PeerMetrics.class);

    private final PeerRepository peers;
    private final MultiGauge gauge;

    public PeerMetrics(MeterRegistry registry, PeerRepository peers) {
        this.peers = peers;
        this.gauge = MultiGauge.builder("ocpi.peers").description("peers by handshake and connection status").register(registry);
    }

    /** While the database cannot be read, the figures stay as they were (readiness says why). */
    @Scheduled(fixedDelayString = "15s", initialDelayString = "1s")
    void renew() {
        List<Peer> all;
        try {
            all = peers.findAll();
        } catch (DataAccessException e) {
            LOG.debug("peer metrics not renewed: {}", e.getMessage());
            return;
        }
        gauge.register(all.stream()
                .map(peer -> MultiGauge.Row.of(Tags.of("peer", peer.name(), "status", peer.status().name(),
                        "connection_status", peer.connectionStatus() == null ? "NONE" : peer.connectionStatus().name()), 1))
                .toList(), true);
    }
}
