package io.ocpi.adapter.modules.tokens;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Authorization decisions by side (we as eMSP answering a CPO, we as CPO deciding) and result. */
@Component
public class AuthorizationMetrics {

    private final MeterRegistry registry;

    public AuthorizationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void counted(String side, AllowedType allowed) {
        Counter.builder("ocpi.authorize.decisions")
                .description("token authorization decisions")
                .tag("side", side)
                .tag("allowed", allowed == null ? "none" : allowed.name())
                .register(registry)
                .increment();
    }
}
