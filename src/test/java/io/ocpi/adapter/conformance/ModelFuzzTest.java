package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.support.ModelCheck;
import io.ocpi.adapter.support.ModelFuzz;
import io.ocpi.adapter.support.ModelFuzz.Sample;
import io.ocpi.adapter.support.ModelFuzz.Seed;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Property tests of the object model, at the level where request bodies are read (OcpiBodies): for every type a peer
 * sends, objects varied from the specification's examples within the model's constraints come back unchanged
 * (JSON → object → JSON), objects with one field broken are refused with OCPI 2001 naming that field, and bodies
 * with bytes mangled at random are read or refused with 2001, never anything else (which would be an HTTP 500).
 */
class ModelFuzzTest {

    static final List<Seed> SEEDS = ModelFuzz.seeds();
    static final AtomicInteger valid = new AtomicInteger();
    static final AtomicInteger broken = new AtomicInteger();
    static final AtomicInteger brokenRefused = new AtomicInteger();
    static final AtomicInteger mangled = new AtomicInteger();
    static final AtomicInteger mangledRefused = new AtomicInteger();
    static final AtomicInteger brokenUnexpected = new AtomicInteger();
    static final AtomicInteger mangledUnexpected = new AtomicInteger();

    @AfterContainer
    static void summary() {
        System.out.println("valid input (model): " + valid.get() + " varied objects round-tripped");
        System.out.println("bad input (model, one field broken): " + broken.get() + " tried, " + brokenRefused.get()
                + " refused naming the field, " + brokenUnexpected.get() + " unexpected errors");
        System.out.println("bad input (model, bytes mangled): " + mangled.get() + " tried, " + mangledRefused.get() + " refused, "
                + (mangled.get() - mangledRefused.get() - mangledUnexpected.get()) + " still valid objects, " + mangledUnexpected.get()
                + " unexpected errors");
    }

    @Provide
    Arbitrary<Sample> variants() {
        return Arbitraries.of(SEEDS).flatMap(seed -> Arbitraries.randomValue(random -> ModelFuzz.vary(seed, random, 1 + random.nextInt(8))));
    }

    @Provide
    Arbitrary<Sample> mutants() {
        return Arbitraries.of(SEEDS).flatMap(seed -> Arbitraries.randomValue(random -> ModelFuzz.mutate(seed, random)));
    }

    @Provide
    Arbitrary<Sample> mangledBodies() {
        return Arbitraries.of(SEEDS).flatMap(seed -> Arbitraries.randomValue(random -> ModelFuzz.mangle(seed, random)));
    }

    @Example
    void everyTypeAPeerSendsHasExamples() {
        assertThat(SEEDS).extracting(seed -> seed.type().getSimpleName()).contains("Location", "Evse", "Connector", "Session", "Cdr",
                "Tariff", "Token", "Credentials", "ClientInfo", "StartSession", "ReserveNow", "StopSession", "CancelReservation",
                "UnlockConnector", "CommandResult", "SetChargingProfile", "ActiveChargingProfile", "ChargingProfileResult",
                "ChargingPreferences", "LocationReferences");
    }

    @Property(tries = 1500)
    void validObjectsRoundTrip(@ForAll("variants") Sample sample) throws IOException {
        Object value = ModelCheck.BODIES.read(sample.body(), sample.seed().type());
        assertThat(ModelCheck.JSON.readTree(ModelCheck.JSON.writeValueAsBytes(value))).as(sample.text())
                .isEqualTo(ModelCheck.JSON.readTree(sample.body()));
        valid.incrementAndGet();
    }

    @Property(tries = 3000)
    void objectsWithABrokenFieldAreRefusedNamingIt(@ForAll("mutants") Sample sample) {
        broken.incrementAndGet();
        try {
            ModelCheck.BODIES.read(sample.body(), sample.seed().type());
            fail("accepted (" + sample.what() + "): " + sample.text());
        } catch (OcpiException refused) {
            assertThat(refused.status()).isEqualTo(OcpiStatus.INVALID_OR_MISSING_PARAMETERS);
            assertThat(refused.getMessage()).as(sample.text()).contains(sample.expectedMessage());
            brokenRefused.incrementAndGet();
        } catch (RuntimeException other) {
            brokenUnexpected.incrementAndGet();
            throw other;
        }
    }

    @Property(tries = 3000)
    void mangledBodiesAreReadOrRefusedNeverFail(@ForAll("mangledBodies") Sample sample) throws IOException {
        mangled.incrementAndGet();
        Object value;
        try {
            value = ModelCheck.BODIES.read(sample.body(), sample.seed().type());
        } catch (OcpiException refused) {
            assertThat(refused.status()).isEqualTo(OcpiStatus.INVALID_OR_MISSING_PARAMETERS);
            assertThat(refused.getMessage()).isNotBlank();
            mangledRefused.incrementAndGet();
            return;
        } catch (RuntimeException other) {
            mangledUnexpected.incrementAndGet();
            throw other;
        }
        // Whatever was accepted can be stored and served: written back as JSON, and read again to the same object.
        byte[] written = ModelCheck.JSON.writeValueAsBytes(value);
        assertThat(ModelCheck.BODIES.read(written, sample.seed().type())).isEqualTo(value);
    }
}
