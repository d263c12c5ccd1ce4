package io.ocpi.adapter.push;

import io.ocpi.adapter.config.OcpiProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The routes that drive the outbox: delivery of what is due, and the alive check of OFFLINE peers. */
@Component
public class PushRoutes extends RouteBuilder {

    private final PushDelivery delivery;
    private final OcpiProperties.Push settings;

    public PushRoutes(PushDelivery delivery, OcpiProperties properties) {
        this.delivery = delivery;
        this.settings = properties.push();
    }

    @Override
    public void configure() {
        from("timer:ocpi-outbox?period=" + settings.pollInterval().toMillis())
                .routeId("push-outbox")
                .process(exchange -> delivery.drain());

        from("timer:ocpi-alive-check?period=" + settings.aliveCheck().toMillis())
                .routeId("push-alive-check")
                .process(exchange -> delivery.checkOfflinePeers());
    }
}
