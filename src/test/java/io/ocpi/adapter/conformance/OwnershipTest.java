package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A registered peer cannot read or overwrite another party's objects, on any Receiver interface. */
class OwnershipTest {

    static PeerPlatform platform;
    static FakePeer intruder;
    static String intruderToken;

    @BeforeAll
    static void start() {
        platform = PeerPlatform.start("ownership");
        intruder = new FakePeer().offering221("credentials");
        intruderToken = platform.adapter.ocpi("POST", "/ocpi/2.2.1/credentials", platform.adapter.invite("intruder"), Map.of(
                "token", "intruder-b", "url", intruder.url("/versions"), "roles", List.of(Map.of("role", "CPO", "country_code", "FR",
                        "party_id", "INT", "business_details", Map.of("name", "Intruder")))))
                .assertStatus(200).data().get("token").asText();

        platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1", Samples.location("L1", "2024-01-01T00:00:00Z")
                .replace("\"ADC\"", "\"PCP\"")).assertStatus(201);
        platform.call("PUT", "/ocpi/emsp/2.2.1/sessions/NL/PCP/S1", Samples.session("PCP", "S1", "ADE",
                "2024-01-01T10:00:00Z")).assertStatus(201);
        platform.call("PUT", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T1", Samples.tariff("PCP", "T1")).assertStatus(201);
        platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", "C1", "ADE")).assertStatus(201);
        platform.call("PUT", "/ocpi/cpo/2.2.1/tokens/NL/PMS/K1", Samples.token("K1", true, "2024-01-01T00:00:00Z")
                .replace("\"ADE\"", "\"PMS\"")).assertStatus(201);
    }

    @AfterAll
    static void stop() {
        platform.close();
        intruder.close();
    }

    @Test
    void anotherPeerCanNeitherReadNorWriteThem() {
        List<String> paths = List.of("/ocpi/emsp/2.2.1/locations/NL/PCP/L1", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1/L1-E1",
                "/ocpi/emsp/2.2.1/locations/NL/PCP/L1/L1-E1/1", "/ocpi/emsp/2.2.1/sessions/NL/PCP/S1", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T1",
                "/ocpi/emsp/2.2.1/cdrs/NL/PCP/C1", "/ocpi/cpo/2.2.1/tokens/NL/PMS/K1");
        for (String path : paths) {
            assertThat(platform.adapter.ocpi("GET", path, intruderToken, null).status()).as("GET %s", path).isEqualTo(403);
            assertThat(platform.call("GET", path, null).status()).as("owner GET %s", path).isEqualTo(200);
        }
        assertThat(platform.adapter.ocpi("PUT", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T1", intruderToken,
                Samples.tariff("PCP", "T1").replace("0.25", "9.99")).status()).isEqualTo(403);
        assertThat(platform.adapter.ocpi("PATCH", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1/L1-E1", intruderToken,
                Map.of("status", "OUTOFORDER", "last_updated", "2024-09-01T00:00:00Z")).status()).isEqualTo(403);
        assertThat(platform.adapter.ocpi("DELETE", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T1", intruderToken, null).status()).isEqualTo(403);
        assertThat(platform.adapter.ocpi("POST", "/ocpi/emsp/2.2.1/cdrs", intruderToken, Samples.cdr("PCP", "C2", "ADE"))
                .status()).isEqualTo(403);

        assertThat(platform.call("GET", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T1", null).data().toString()).contains("0.25");
        assertThat(platform.call("GET", "/ocpi/emsp/2.2.1/locations/NL/PCP/L1/L1-E1", null).data().get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(platform.call("GET", "/ocpi/emsp/2.2.1/cdrs/NL/PCP/C2", null).status()).isEqualTo(404);

        // Sender lists show the intruder only what concerns it: none of these sessions or CDRs.
        assertThat(platform.adapter.ocpi("GET", "/ocpi/cpo/2.2.1/cdrs", intruderToken, null).data()).isEmpty();
        assertThat(AdapterInstance.send("GET", platform.adapter.baseUrl() + "/ocpi/emsp/2.2.1/tokens", Map.of(), null).status()).isEqualTo(401);
    }
}
