package io.ocpi.adapter.protocol;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * OCPI requests are timed once, by the protocol's own {@code ocpi.requests} timer ({@link OcpiProtocol}), which
 * names their module, interface, peer and OCPI status: the web server's {@code http.server.requests} observation
 * leaves them out, and times the other paths (the admin API, health, metrics).
 */
@Configuration(proxyBeanMethods = false)
public class OcpiObservations {

    @Bean
    public ObservationPredicate ocpiRequestsTimedOnce() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request && OcpiUrls.isOcpiPath(request.getCarrier()));
    }
}
