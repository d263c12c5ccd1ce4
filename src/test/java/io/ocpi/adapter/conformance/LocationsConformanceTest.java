package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Locations (rows 7 to 11): our charge points on the Sender interface, the peer's on our Receiver interface. */
class LocationsConformanceTest {

    static PeerPlatform platform;

    @BeforeAll
    static void start() {
        platform = PeerPlatform.start("locations");
        platform.publish("locations", Samples.location("L1", "2024-01-01T00:00:00Z"));
        platform.publish("locations", Samples.location("L2", "2024-02-01T00:00:00Z"));
        platform.publish("locations", Samples.location("L3", "2024-03-01T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void senderListsOurLocationsPageByPage() {
        Reply first = platform.call("GET", "/ocpi/cpo/2.2.1/locations?limit=2", null).assertStatus(200);
        assertThat(first.data()).extracting(l -> l.get("id").asText()).containsExactly("L1", "L2");
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("X-Limit")).isEqualTo("1000");
        assertThat(first.header("Link")).isEqualTo("<" + platform.adapter.baseUrl() + "/ocpi/cpo/2.2.1/locations?offset=2&limit=2>; rel=\"next\"");

        Reply since = platform.call("GET", "/ocpi/cpo/2.2.1/locations?date_from=2024-02-01T00:00:00Z", null).assertStatus(200);
        assertThat(since.data()).extracting(l -> l.get("id").asText()).containsExactly("L2", "L3");
        assertThat(since.header("Link")).isNull();

        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/locations?limit=abc", null).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void senderServesOneLocationEvseOrConnector() {
        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/locations/L1", null).assertStatus(200).data().get("id").asText()).isEqualTo("L1");
        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/locations/l1/L1-E1", null).assertStatus(200).data().get("uid").asText()).isEqualTo("L1-E1");
        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/locations/L1/L1-E1/1", null).assertStatus(200).data().get("standard").asText())
                .isEqualTo("IEC_62196_T2");
        Reply unknown = platform.call("GET", "/ocpi/cpo/2.2.1/locations/NOPE", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/locations/L1/NOPE", null).status()).isEqualTo(404);
    }

    @Test
    void receiverKeepsThePeersLocationsDownToConnectors() {
        String theirs = Samples.location("T1", "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"PCP\"");
        String path = "/ocpi/emsp/2.2.1/locations/NL/PCP/T1";
        platform.call("PUT", path, theirs).assertStatus(201);
        platform.call("PUT", path, theirs).assertStatus(200);

        platform.call("PUT", path + "/T1-E2", Map.of("uid", "T1-E2", "status", "CHARGING", "connectors", java.util.List.of(Map.of(
                "id", "1", "standard", "CHADEMO", "format", "CABLE", "power_type", "DC", "max_voltage", 500, "max_amperage", 125,
                "last_updated", "2024-05-01T00:00:00Z")), "last_updated", "2024-05-01T00:00:00Z")).assertStatus(201);
        platform.call("PATCH", path + "/T1-E2/1", Map.of("max_amperage", 100, "last_updated", "2024-06-01T00:00:00Z")).assertStatus(200);

        JsonNode stored = platform.call("GET", path, null).assertStatus(200).data();
        assertThat(stored.get("evses")).hasSize(2);
        assertThat(stored.get("last_updated").asText()).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(stored.get("evses").get(1).get("last_updated").asText()).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(platform.call("GET", path + "/T1-E2/1", null).data().get("max_amperage").asInt()).isEqualTo(100);
        assertThat(platform.call("GET", path + "/t1-e2", null).assertStatus(200).data().get("status").asText()).isEqualTo("CHARGING");
    }

    @Test
    void receiverRefusesWhatItCannotStoreAndStoresNothing() {
        String path = "/ocpi/emsp/2.2.1/locations/NL/PCP/BAD";
        Reply noLastUpdated = platform.call("PATCH", "/ocpi/emsp/2.2.1/locations/NL/PCP/T1", Map.of("name", "x"));
        assertThat(noLastUpdated.status()).isEqualTo(200);
        assertThat(noLastUpdated.ocpiStatus()).isEqualTo(2001);
        assertThat(noLastUpdated.json().get("status_message").asText()).isEqualTo("last_updated: required in every PATCH");

        Reply otherId = platform.call("PUT", path, Samples.location("OTHER", "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"PCP\""));
        assertThat(otherId.ocpiStatus()).isEqualTo(2001);
        assertThat(otherId.json().get("status_message").asText()).contains("id: 'OTHER' differs from 'BAD'");

        Reply invalid = platform.call("PUT", path, Samples.location("BAD", "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"PCP\"").replace("\"uid\":\"BAD-E1\",", ""));
        assertThat(invalid.ocpiStatus()).isEqualTo(2001);
        assertThat(invalid.json().get("status_message").asText()).contains("evses[0].uid: must not be null");

        Reply notTheirs = platform.call("PUT", "/ocpi/emsp/2.2.1/locations/FR/XYZ/BAD", Samples.location("BAD", "2024-01-01T00:00:00Z").replace("\"NL\"", "\"FR\"").replace("\"ADC\"", "\"XYZ\""));
        assertThat(notTheirs.status()).isEqualTo(403);
        Reply ours = platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/ADC/BAD", Samples.location("BAD", "2024-01-01T00:00:00Z"));
        assertThat(ours.status()).isEqualTo(403);

        assertThat(platform.call("GET", path, null).status()).isEqualTo(404);
        JsonNode evse = platform.call("GET", "/ocpi/cpo/2.2.1/locations/L1/L1-E1", null).data();
        assertThat(platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/NOPE/L1-E1", evse).status()).isEqualTo(404);
    }

    @Test
    void routingHeadersAreReadAndAnswered() {
        Reply routed = platform.call("GET", "/ocpi/cpo/2.2.1/locations/L1", null, Map.of(
                "OCPI-from-country-code", "NL", "OCPI-from-party-id", "PMS", "OCPI-to-country-code", "NL", "OCPI-to-party-id", "ADC"));
        routed.assertStatus(200);
        assertThat(routed.header("OCPI-from-country-code")).isEqualTo("NL");
        assertThat(routed.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(routed.header("OCPI-to-party-id")).isEqualTo("PMS");

        Reply elsewhere = platform.call("GET", "/ocpi/cpo/2.2.1/locations/L1", null, Map.of(
                "OCPI-to-country-code", "DE", "OCPI-to-party-id", "XYZ"));
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.ocpiStatus()).isEqualTo(4001);

        Reply half = platform.call("GET", "/ocpi/cpo/2.2.1/locations/L1", null, Map.of("OCPI-to-party-id", "ADC"));
        assertThat(half.status()).isEqualTo(200);
        assertThat(half.ocpiStatus()).isEqualTo(2001);
        assertThat(half.json().get("status_message").asText()).startsWith("OCPI-to-country-code: missing");

        Reply credentials = platform.call("GET", "/ocpi/2.2.1/credentials", null);
        assertThat(credentials.header("OCPI-from-party-id")).isNull();
    }
}
