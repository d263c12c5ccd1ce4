package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every answer carries, whichever part of the adapter gives it: the request's ids (within the spec's length),
 * the swapped routing headers on functional modules, and the HTTP status the spec's status_codes rule asks for, or
 * for a peer set to it, an HTTP error for every refusal.
 */
class EnvelopeTest {

    static PeerPlatform platform;

    /** The peer's eMSP NL*PMS writes to our CPO NL*ADC; its CPO NL*PCP to our eMSP NL*ADE. */
    static final Map<String, String> PMS_TO_ADC = Map.of("OCPI-from-country-code", "NL", "OCPI-from-party-id", "PMS",
            "OCPI-to-country-code", "NL", "OCPI-to-party-id", "ADC");
    static final Map<String, String> PCP_TO_ADE = Map.of("OCPI-from-country-code", "NL", "OCPI-from-party-id", "PCP",
            "OCPI-to-country-code", "NL", "OCPI-to-party-id", "ADE");

    @BeforeAll
    static void start() {
        platform = PeerPlatform.start("envelope", Map.of("ocpi.max-body-size", "64KB"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Map<String, String> with(Map<String, String> headers, String... more) {
        Map<String, String> all = new HashMap<>(headers);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    static void assertSwapped(Reply reply, String from, String to) {
        assertThat(reply.header("OCPI-from-country-code")).as(reply.body()).isEqualTo("NL");
        assertThat(reply.header("OCPI-from-party-id")).as(reply.body()).isEqualTo(from);
        assertThat(reply.header("OCPI-to-country-code")).as(reply.body()).isEqualTo("NL");
        assertThat(reply.header("OCPI-to-party-id")).as(reply.body()).isEqualTo(to);
    }

    @Test
    void aMethodTheModuleLacksIsAnsweredWithTheSwappedRoutingHeaders() {
        Reply reply = platform.call("DELETE", "/ocpi/cpo/2.2.1/commands/START_SESSION", null,
                with(PMS_TO_ADC, "X-Request-ID", "req-405", "X-Correlation-ID", "corr-405"));
        assertThat(reply.status()).isEqualTo(405);
        assertSwapped(reply, "ADC", "PMS");
        assertThat(reply.header("X-Request-ID")).isEqualTo("req-405");
        assertThat(reply.header("X-Correlation-ID")).isEqualTo("corr-405");
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedWithBothIdsAndTheSwappedRoutingHeaders() {
        byte[] body = Samples.location("L-UTF", "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"PCP\"")
                .replace("Utrecht", "Utr\u00e9cht").getBytes(StandardCharsets.ISO_8859_1);
        Reply reply = platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/L-UTF", body,
                with(PCP_TO_ADE, "X-Request-ID", "req-utf", "X-Correlation-ID", "corr-utf"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.ocpiStatus()).isEqualTo(2001);
        assertThat(reply.header("X-Request-ID")).isEqualTo("req-utf");
        assertThat(reply.header("X-Correlation-ID")).isEqualTo("corr-utf");
        assertSwapped(reply, "ADE", "PCP");
    }

    @Test
    void urlsRefusedBeforeAnyRouteEchoBothIds() {
        Map<String, String> ids = Map.of("X-Request-ID", "req-url", "X-Correlation-ID", "corr-url");
        for (String refused : new String[] {"/ocpi/emsp/2.2.1/locations/NL/PCP/a%2Fb", "/ocpi/emsp/2.2.1/locations/NL/PCP/A%0AB"}) {
            Reply reply = platform.call("GET", refused, null, ids);
            assertThat(reply.status()).as(refused).isEqualTo(400);
            assertThat(reply.header("X-Request-ID")).as(refused).isEqualTo("req-url");
            assertThat(reply.header("X-Correlation-ID")).as(refused).isEqualTo("corr-url");
        }
    }

    @Test
    void overlongIdsAreAnsweredWithFreshOnes() {
        String longId = "r".repeat(5000);
        String atLimit = "c".repeat(255);
        Reply served = platform.call("GET", "/ocpi/cpo/2.2.1/locations", null,
                Map.of("X-Request-ID", longId, "X-Correlation-ID", atLimit));
        served.assertStatus(200);
        assertThat(served.header("X-Request-ID")).isNotEqualTo(longId).hasSizeLessThanOrEqualTo(255).isNotBlank();
        assertThat(served.header("X-Correlation-ID")).isEqualTo(atLimit);

        Reply noEndpoint = platform.call("GET", "/ocpi/cpo/2.2.1/nothing", null,
                Map.of("X-Request-ID", "req-ok", "X-Correlation-ID", "c".repeat(256)));
        assertThat(noEndpoint.status()).isEqualTo(404);
        assertThat(noEndpoint.header("X-Request-ID")).isEqualTo("req-ok");
        assertThat(noEndpoint.header("X-Correlation-ID")).isNotEqualTo("c".repeat(256)).hasSizeLessThanOrEqualTo(255).isNotBlank();

        Reply tooLarge = platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/L-BIG", "{\"x\":\"" + "x".repeat(70_000) + "\"}",
                Map.of("X-Request-ID", longId, "X-Correlation-ID", "c".repeat(256)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("X-Request-ID")).isNotEqualTo(longId).hasSizeLessThanOrEqualTo(255).isNotBlank();
        assertThat(tooLarge.header("X-Correlation-ID")).isNotEqualTo("c".repeat(256)).hasSizeLessThanOrEqualTo(255).isNotBlank();
    }

    @Test
    void aRequestToAPartyWeDoNotHaveNamesOurParties() {
        Reply reply = platform.call("GET", "/ocpi/cpo/2.2.1/locations", null, Map.of("OCPI-from-country-code", "NL", "OCPI-from-party-id", "PMS",
                "OCPI-to-country-code", "DE", "OCPI-to-party-id", "XYZ"));
        assertThat(reply.ocpiStatus()).isEqualTo(4001);
        assertThat(reply.json().get("status_message").asText())
                .contains("DE*XYZ").contains("NL*ADC (CPO)").contains("NL*ADE (EMSP)");
    }

    @Test
    void refusalsOfValidJsonAreHttp200UnlessThePeerIsSetToHttpErrors() {
        String location = Samples.location("L-RULE", "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"PCP\"");
        platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/L-RULE", location).assertStatus(201);
        String path = "/ocpi/emsp/2.2.1/locations/NL/PCP/L-RULE";

        Reply noLastUpdated = platform.call("PATCH", path, "{\"name\":\"Renamed\"}");
        assertThat(noLastUpdated.status()).isEqualTo(200);
        assertThat(noLastUpdated.ocpiStatus()).isEqualTo(2001);
        assertThat(noLastUpdated.json().get("status_message").asText()).contains("last_updated");
        Reply badEnum = platform.call("PATCH", path, "{\"parking_type\":\"ROOFTOP\",\"last_updated\":\"2024-01-02T00:00:00Z\"}");
        assertThat(badEnum.status()).isEqualTo(200);
        assertThat(badEnum.ocpiStatus()).isEqualTo(2001);
        Reply idMismatch = platform.call("PUT", path, location.replace("\"L-RULE\"", "\"OTHER\""));
        assertThat(idMismatch.status()).isEqualTo(200);
        assertThat(idMismatch.ocpiStatus()).isEqualTo(2001);
        Reply notJson = platform.call("PATCH", path, "{\"name\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.ocpiStatus()).isEqualTo(2001);
        assertThat(platform.call("GET", "/ocpi/emsp/2.2.1/locations/NL/PCP/NOWHERE", null).status()).isEqualTo(404);

        long peerId = java.util.stream.StreamSupport.stream(platform.adapter.admin("GET", "/peers", null).assertStatus(200).json().spliterator(), false)
                .filter(peer -> peer.get("name").asText().equals("peer"))
                .findFirst().orElseThrow().get("id").asLong();
        Reply set = platform.adapter.admin("POST", "/peers/" + peerId + "/http-errors-for-refusals", Map.of());
        assertThat(set.assertStatus(200).json().get("http_errors_for_refusals").asBoolean()).isTrue();
        try {
            Reply refused = platform.call("PATCH", path, "{\"name\":\"Renamed\"}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.ocpiStatus()).isEqualTo(2001);
            Reply mismatch = platform.call("PUT", path, location.replace("\"L-RULE\"", "\"OTHER\""));
            assertThat(mismatch.status()).isEqualTo(400);
        } finally {
            Reply back = platform.adapter.admin("POST", "/peers/" + peerId + "/http-200-for-refusals", Map.of());
            assertThat(back.assertStatus(200).json().get("http_errors_for_refusals").asBoolean()).isFalse();
        }
        assertThat(platform.call("PATCH", path, "{\"name\":\"Renamed\"}").status()).isEqualTo(200);
    }
}
