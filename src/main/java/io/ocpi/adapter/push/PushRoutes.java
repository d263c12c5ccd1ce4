package io.ocpi.adapter.push;

import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.protocol.OcpiProtocol;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The routes that drive the outbox: delivery of what is due, and the alive check of OFFLINE peers. */
@Component
public class PushRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(PushRoutes.class);

    private final PushDelivery delivery;
    private final PeerDelivery peerDelivery;
    private final OcpiProperties.Push settings;

    public PushRoutes(PushDelivery delivery, PeerDelivery peerDelivery, OcpiProperties properties) {
        this.delivery = delivery;
        this.peerDelivery = peerDelivery;
        this.settings = properties.push();
    }

    @Override
    public void configure() {
        from("timer:ocpi-outbox?period=" + settings.pollInterval().toMillis())
                .routeId("push-outbox")
                .process(exchange -> {
                    try {
                        delivery.drain();
                    } catch (RuntimeException e) {
                        if (!OcpiProtocol.isOutage(e)) {
                            throw e;
                        }
                        // Nothing is lost: the items wait in the database until it is back, and the timer tries again.
                        LOG.warn("outbox not delivered, the database is unavailable: {}", e.getMessage());
                    }
                });

        from("timer:ocpi-alive-check?period=" + settings.aliveCheck().toMillis())
                .routeId("push-alive-check")
                .process(exchange -> peerDelivery.checkOfflinePeers());
    }
}
