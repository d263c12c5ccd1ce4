package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.chargingprofiles.ActiveChargingProfile;
import io.ocpi.adapter.modules.chargingprofiles.SetChargingProfile;
import io.ocpi.adapter.modules.commands.CancelReservation;
import io.ocpi.adapter.modules.commands.CommandResult;
import io.ocpi.adapter.modules.commands.ReserveNow;
import io.ocpi.adapter.modules.commands.StartSession;
import io.ocpi.adapter.modules.commands.StopSession;
import io.ocpi.adapter.modules.commands.UnlockConnector;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.sessions.ChargingPreferences;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tokens.LocationReferences;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.ModelFuzz;
import io.ocpi.adapter.support.ModelFuzz.Sample;
import io.ocpi.adapter.support.ModelFuzz.Seed;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Broken and mangled bodies of every type that has a Receiver endpoint, sent over HTTP to one running adapter: never
 * an HTTP 5xx or OCPI 3xxx; a body with one broken field is refused with HTTP 400 and OCPI 2001 naming the field.
 */
class HttpFuzzTest {

    static PeerPlatform platform;
    static final AtomicInteger tried = new AtomicInteger();
    static final AtomicInteger refused = new AtomicInteger();
    static final AtomicInteger accepted = new AtomicInteger();
    static final AtomicInteger serverErrors = new AtomicInteger();

    @BeforeContainer
    static void start() {
        platform = PeerPlatform.start("httpfuzz");
    }

    @AfterContainer
    static void stop() {
        System.out.println("bad input (HTTP, " + TestDatabase.kind() + "): " + tried.get() + " tried, " + refused.get() + " refused, "
                + accepted.get() + " mangled ones still valid and taken, " + serverErrors.get() + " answered 5xx or 3xxx");
        if (platform != null) {
            platform.close();
        }
    }

    /** Where a peer sends an object of this seed's type; null for types whose endpoint needs more set-up. */
    static String[] endpoint(Seed seed) {
        JsonNode json = seed.json();
        String owner = json.path("country_code").asText() + "/" + json.path("party_id").asText() + "/";
        Class<?> type = seed.type();
        if (type == Location.class) {
            return new String[] {"PUT", "/ocpi/emsp/2.2.1/locations/" + owner + json.path("id").asText()};
        } else if (type == Session.class) {
            return new String[] {"PUT", "/ocpi/emsp/2.2.1/sessions/" + owner + json.path("id").asText()};
        } else if (type == Cdr.class) {
            return new String[] {"POST", "/ocpi/emsp/2.2.1/cdrs"};
        } else if (type == Tariff.class) {
            return new String[] {"PUT", "/ocpi/emsp/2.2.1/tariffs/" + owner + json.path("id").asText()};
        } else if (type == Token.class) {
            return new String[] {"PUT", "/ocpi/cpo/2.2.1/tokens/" + owner + json.path("uid").asText() + "?type=" + json.path("type").asText()};
        } else if (type == StartSession.class || type == ReserveNow.class || type == StopSession.class || type == CancelReservation.class
                || type == UnlockConnector.class) {
            String command = type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
            return new String[] {"POST", "/ocpi/cpo/2.2.1/commands/" + command};
        } else if (type == CommandResult.class) {
            return new String[] {"POST", "/ocpi/emsp/2.2.1/commands/START_SESSION/REQ1"};
        } else if (type == SetChargingProfile.class) {
            return new String[] {"PUT", "/ocpi/cpo/2.2.1/chargingprofiles/S1"};
        } else if (type == ActiveChargingProfile.class) {
            return new String[] {"PUT", "/ocpi/emsp/2.2.1/chargingprofiles/S1"};
        } else if (type == ChargingPreferences.class) {
            return new String[] {"PUT", "/ocpi/cpo/2.2.1/sessions/S1/charging_preferences"};
        } else if (type == LocationReferences.class) {
            return new String[] {"POST", "/ocpi/emsp/2.2.1/tokens/T1/authorize"};
        }
        return null;
    }

    static final List<Seed> SEEDS = ModelFuzz.seeds().stream().filter(seed -> endpoint(seed) != null).toList();

    @Provide
    Arbitrary<Sample> bodies() {
        return Arbitraries.of(SEEDS).flatMap(seed -> Arbitraries.randomValue(random ->
                random.nextInt(3) == 0 ? ModelFuzz.mangle(seed, random) : ModelFuzz.mutate(seed, random)));
    }

    @Property(tries = 500)
    void neverAServerErrorAndBrokenFieldsAreNamed(@ForAll("bodies") Sample sample) {
        tried.incrementAndGet();
        String[] endpoint = endpoint(sample.seed());
        Reply reply = platform.call(endpoint[0], endpoint[1], sample.body(), Map.of());
        String what = sample + " → HTTP " + reply.status() + " " + reply.body();
        if (reply.status() >= 500 || reply.ocpiStatus() >= 3000) {
            serverErrors.incrementAndGet();
        }
        assertThat(reply.status()).as(what).isLessThan(500);
        int status = reply.ocpiStatus();
        assertThat(status).as(what).isBetween(1000, 2999);
        if (sample.expectedMessage() != null) {
            // Valid JSON with one broken field reached the OCPI layer: HTTP 200, the refusal in the envelope.
            assertThat(reply.status()).as(what).isEqualTo(200);
            assertThat(status).as(what).isEqualTo(2001);
            assertThat(reply.json().path("status_message").asText()).as(what).contains(sample.expectedMessage());
        }
        if (status >= 2000) {
            refused.incrementAndGet();
        } else {
            accepted.incrementAndGet();
        }
    }
}
