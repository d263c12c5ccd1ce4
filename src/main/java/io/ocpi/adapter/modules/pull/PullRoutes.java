package io.ocpi.adapter.modules.pull;

import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scheduled pulls: every {@code ocpi.pull.interval} (off unless set; the spec advises hours, not minutes), the
 * complete lists of every module each registered peer serves, e.g. a nightly token sync as CPO or a CDR catch-up as
 * eMSP. An operator pulls one module from one peer at any time through the admin API.
 */
@Component
public class PullRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(PullRoutes.class);

    private final PeerPulls pulls;
    private final PeerRepository peers;
    private final OcpiProperties properties;

    public PullRoutes(PeerPulls pulls, PeerRepository peers, OcpiProperties properties) {
        this.pulls = pulls;
        this.peers = peers;
        this.properties = properties;
    }

    @Override
    public void configure() {
        long every = properties.pull().interval().toMillis();
        // Once in the cluster: on the instance that leads "ocpi-pull" (see camel.cluster in application.yaml).
        from("master:ocpi-pull:timer:ocpi-pull?delay=" + every + "&period=" + every)
                .routeId("pull-scheduled")
                .autoStartup(properties.pull().enabled())
                .process(e -> pullEverything());
    }

    private void pullEverything() {
        for (Peer peer : peers.findAll()) {
            if (!peer.isRegistered()) {
                continue;
            }
            for (String module : pulls.modules()) {
                if (peer.endpoint(module, InterfaceRole.SENDER).isEmpty()) {
                    continue;
                }
                try {
                    pulls.pull(peer.id(), module, null);
                } catch (RuntimeException e) {
                    LOG.warn("scheduled pull of {} from peer {} failed: {}", module, peer.name(), e.getMessage());
                }
            }
        }
    }
}
