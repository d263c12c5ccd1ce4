package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.push.Outbox;
import io.ocpi.adapter.push.OutboxItem;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions (rows 12 to 16), CDRs (17 to 19) and tariffs (20 to 23), in both roles. */
class BillingModulesConformanceTest {

    static PeerPlatform platform;
    static final List<String> billed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        platform = PeerPlatform.start("billing");
        platform.publish("sessions", Samples.session("ADC", "S-PEER", "PMS", "2024-01-01T10:00:00Z"));
        platform.publish("sessions", Samples.session("ADC", "S-OTHER", "XYZ", "2024-01-01T10:00:00Z"));
        platform.publish("cdrs", Samples.cdr("ADC", "CDR-PEER", "PMS"));
        platform.publish("cdrs", Samples.cdr("ADC", "CDR-OTHER", "XYZ"));
        platform.publish("tariffs", Samples.tariff("ADC", "TAR1"));
        platform.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocpi.cdrs.received").process(e -> billed.add(e.getIn().getHeader("OcpiObjectId", String.class)));
            }
        });
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void sessionsSenderShowsThePeerOnlyItsOwnSessions() {
        Reply list = platform.call("GET", "/ocpi/cpo/2.2.1/sessions?date_from=2023-01-01T00:00:00Z", null).assertStatus(200);
        assertThat(list.data()).extracting(s -> s.get("id").asText()).containsExactly("S-PEER");
        assertThat(list.header("X-Total-Count")).isEqualTo("1");
        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/sessions", null).status()).isEqualTo(200);
        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/sessions?date_from=never", null).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void chargingPreferencesNeedACapableEvse() {
        Reply notCapable = platform.call("PUT", "/ocpi/cpo/2.2.1/sessions/S-PEER/charging_preferences", Map.of("profile_type", "GREEN"));
        assertThat(notCapable.status()).isEqualTo(404);
        assertThat(notCapable.ocpiStatus()).isEqualTo(2001);
        platform.publish("locations", """
                {"country_code":"NL","party_id":"ADC","id":"LOC1","publish":true,"address":"Stationsplein 1","city":"Utrecht",
                 "country":"NLD","coordinates":{"latitude":"52.089444","longitude":"5.110278"},"time_zone":"Europe/Amsterdam",
                 "evses":[{"uid":"EVSE1","status":"CHARGING","capabilities":["CHARGING_PREFERENCES_CAPABLE"],"connectors":[{"id":"1",
                 "standard":"IEC_62196_T2","format":"SOCKET","power_type":"AC_3_PHASE","max_voltage":230,"max_amperage":32,
                 "last_updated":"2024-01-01T00:00:00Z"}],"last_updated":"2024-01-01T00:00:00Z"}],"last_updated":"2024-01-01T00:00:00Z"}""");
        Reply capable = platform.call("PUT", "/ocpi/cpo/2.2.1/sessions/S-PEER/charging_preferences", Map.of("profile_type", "GREEN"));
        assertThat(capable.assertStatus(200).data().asText()).isEqualTo("NOT_POSSIBLE");
        assertThat(platform.call("PUT", "/ocpi/cpo/2.2.1/sessions/S-OTHER/charging_preferences", Map.of("profile_type", "GREEN")).status())
                .isEqualTo(404);
        assertThat(platform.call("PUT", "/ocpi/cpo/2.2.1/sessions/S-PEER/charging_preferences", Map.of("profile_type", "SLOW")).ocpiStatus())
                .isEqualTo(2001);
    }

    @Test
    void sessionsReceiverKeepsThePeersSessions() {
        String path = "/ocpi/emsp/2.2.1/sessions/NL/PCP/S9";
        platform.call("PUT", path, Samples.session("PCP", "S9", "ADE", "2024-01-01T10:00:00Z")).assertStatus(201);
        platform.call("PATCH", path, Map.of("kwh", 3, "last_updated", "2024-01-01T10:30:00Z")).assertStatus(200);
        assertThat(platform.call("GET", path, null).data().get("kwh").asInt()).isEqualTo(3);
        assertThat(platform.call("GET", "/ocpi/emsp/2.2.1/sessions/NL/PCP/NONE", null).status()).isEqualTo(404);
        assertThat(platform.call("PATCH", path, Map.of("status", "FINISHED", "last_updated", "2024-01-01T11:00:00Z")).ocpiStatus()).isEqualTo(2001);
        Reply otherOwner = platform.call("PUT", path, Samples.session("PCP", "S9", "ADE", "2024-01-01T10:00:00Z").replace("\"NL\",\"party_id\":\"PCP\"", "\"BE\",\"party_id\":\"BEC\""));
        assertThat(otherOwner.ocpiStatus()).isEqualTo(2001);
        assertThat(otherOwner.json().get("status_message").asText()).startsWith("country_code: 'BE' differs from 'NL'");
    }

    @Test
    void concurrentWritesOfOneNewObjectAreAllAnswered() throws Exception {
        // A CPO with several connections sends the updates of a session that starts, and the same CDR twice.
        ExecutorService peerConnections = Executors.newFixedThreadPool(4);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int object = 0; object < 25; object++) {
            String sessionId = "S-BUSY" + object;
            String cdrId = "CDR-BUSY" + object;
            for (int update = 0; update < 4; update++) {
                String lastUpdated = "2024-01-01T10:%02d:00Z".formatted(update);
                replies.add(peerConnections.submit(() -> platform.call("PUT", "/ocpi/emsp/2.2.1/sessions/NL/PCP/" + sessionId,
                        Samples.session("PCP", sessionId, "ADE", lastUpdated))));
                replies.add(peerConnections.submit(() -> platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", cdrId, "ADE"))));
            }
        }
        peerConnections.shutdown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            statuses.add(reply.get(60, TimeUnit.SECONDS).status());
        }
        assertThat(statuses).as("HTTP statuses").allSatisfy(status -> assertThat(status).isIn(200, 201));
        assertThat(platform.call("GET", "/ocpi/emsp/2.2.1/sessions/NL/PCP/S-BUSY24", null).assertStatus(200).data().get("id").asText())
                .isEqualTo("S-BUSY24");
    }

    @Test
    void cdrsSenderShowsThePeerOnlyItsOwnCdrs() {
        Reply list = platform.call("GET", "/ocpi/cpo/2.2.1/cdrs", null).assertStatus(200);
        assertThat(list.data()).extracting(c -> c.get("id").asText()).containsExactly("CDR-PEER");
        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/cdrs?offset=-1", null).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void cdrsAreStoredAndBilledOnceHoweverOftenTheyArePosted() {
        String body = Samples.cdr("PCP", "CDR-77", "ADE");
        Reply first = platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", body).assertStatus(201);
        Reply again = platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", body).assertStatus(200);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        // Billing hears of it after the answer, through the outbox: once, though the peer sent it twice.
        await().atMost(Duration.ofSeconds(10)).until(() -> billed.contains("CDR-77")
                && platform.adapter.bean(Outbox.class).list(OutboxItem.Status.PENDING, null, 10).isEmpty());
        assertThat(billed.stream().filter("CDR-77"::equals)).hasSize(1);

        Reply read = AdapterInstance.send("GET", first.header("Location"), Map.of("Authorization", "Token " + AdapterInstance.base64(platform.token)), null);
        assertThat(read.assertStatus(200).data().get("id").asText()).isEqualTo("CDR-77");

        Reply invalid = platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", body.replace("\"dimensions\":[{\"type\":\"ENERGY\",\"volume\":10}]", "\"dimensions\":[]"));
        assertThat(invalid.ocpiStatus()).isEqualTo(2001);
        assertThat(invalid.json().get("status_message").asText()).contains("charging_periods[0].dimensions");
        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("ZZZ", "CDR-X", "ADE")).status()).isEqualTo(403);
        assertThat(platform.call("PUT", "/ocpi/emsp/2.2.1/cdrs/NL/PCP/CDR-77", body).status()).isEqualTo(405);
    }

    @Test
    void tariffsInBothRoles() {
        Reply list = platform.call("GET", "/ocpi/cpo/2.2.1/tariffs", null).assertStatus(200);
        assertThat(list.data()).extracting(t -> t.get("id").asText()).containsExactly("TAR1");
        assertThat(platform.call("GET", "/ocpi/cpo/2.2.1/tariffs?limit=0", null).ocpiStatus()).isEqualTo(2001);

        String path = "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T9";
        platform.call("PUT", path, Samples.tariff("PCP", "T9")).assertStatus(201);
        assertThat(platform.call("GET", path, null).assertStatus(200).data().get("currency").asText()).isEqualTo("EUR");
        assertThat(platform.call("PATCH", path, Map.of("currency", "USD", "last_updated", "2024-02-01T00:00:00Z")).status()).isEqualTo(405);
        platform.call("DELETE", path, null).assertStatus(200);
        assertThat(platform.call("GET", path, null).status()).isEqualTo(404);
        assertThat(platform.call("DELETE", path, null).status()).isEqualTo(404);
    }
}
