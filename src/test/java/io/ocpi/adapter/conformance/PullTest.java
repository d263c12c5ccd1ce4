package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.Samples;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One adapter pulls another's complete lists into its store, as a nightly sync or a catch-up would. */
class PullTest {

    static AdapterInstance cpo;
    static AdapterInstance emsp;
    static long peerId;

    @BeforeAll
    static void start() {
        cpo = AdapterInstance.start("pull-cpo", "NL", "PC", Map.of("ocpi.pagination.max-limit", 7));
        emsp = AdapterInstance.start("pull-emsp", "DE", "PE");
        Reply registered = emsp.admin("POST", "/peers", Map.of("url", cpo.versionsUrl(), "token", cpo.invite("emsp"), "name", "cpo"));
        peerId = registered.assertStatus(200).json().get("id").asLong();
        var producer = cpo.bean(CamelContext.class).createProducerTemplate();
        for (int i = 0; i < 30; i++) {
            producer.requestBody("direct:ocpi.locations.publish", Samples.location("P" + i, "2024-01-01T00:00:00Z")
                    .replace("\"ADC\"", "\"PCC\""), String.class);
        }
    }

    @AfterAll
    static void stop() {
        emsp.close();
        cpo.close();
    }

    @Test
    void pullsEveryPageIntoTheStore() {
        Reply pulled = emsp.admin("POST", "/peers/" + peerId + "/pull-locations", null).assertStatus(200);
        assertThat(pulled.json().get("read").asLong()).isEqualTo(30);
        assertThat(pulled.json().get("stored").asLong()).isEqualTo(30);

        // The eMSP now holds the CPO's locations on its Receiver side: the CPO can check what the eMSP has.
        String cpoToken = cpo.bean(io.ocpi.adapter.registry.PeerRepository.class).findAll().get(0).outgoingToken();
        Reply stored = emsp.ocpi("GET", "/ocpi/emsp/2.2.1/locations/NL/PCC/P17", cpoToken, null);
        assertThat(stored.assertStatus(200).data().get("id").asText()).isEqualTo("P17");

        assertThat(emsp.admin("POST", "/peers/" + peerId + "/pull-nothing", null).status()).isEqualTo(404);
    }
}
