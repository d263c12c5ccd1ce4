package io.ocpi.adapter.modules.tokens;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Authorization decisions by side (we as eMSP answering a CPO, we as CPO deciding) and result. */
@Component
public class AuthorizationMetrics {

    private final MeterRegistry registry;
    /** Each counter registered once, by side and result, rather than looked up by its name and tags at every decision. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public AuthorizationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void counted(String side, AllowedType allowed) {
        String result = allowed == null ? "none" : allowed.name();
        counters.computeIfAbsent(side + " " + result, key -> Counter.builder("ocpi.authorize.decisions")
                        .description("token authorization decisions")
                        .tag("side", side)
                        .tag("allowed", result)
                        .register(registry))
                .increment();
    }
}
