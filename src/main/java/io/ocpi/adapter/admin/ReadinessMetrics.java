package io.ocpi.adapter.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Readiness as a metric: {@code ocpi.ready} is 1 while the readiness group (/actuator/health/readiness: the database,
 * Camel and each enabled backend) is UP, 0 otherwise, so that an alert sees an instance the load balancer left out.
 * The group is asked every 15 s rather than at each scrape: a backend that takes long to answer its check must not
 * hold up the scrape.
 */
@Component
public class ReadinessMetrics {

    private final ObjectProvider<HealthEndpoint> health;
    private volatile int ready;

    public ReadinessMetrics(MeterRegistry registry, ObjectProvider<HealthEndpoint> health) {
        this.health = health;
        Gauge.builder("ocpi.ready", () -> ready).description("1 while the readiness group is UP").register(registry);
    }

    @Scheduled(fixedDelayString = "15s", initialDelayString = "1s")
    void renew() {
        HealthComponent readiness = health.getObject().healthForPath("readiness");
        ready = readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}
