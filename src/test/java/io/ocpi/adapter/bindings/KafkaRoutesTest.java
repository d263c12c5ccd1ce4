package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The routes of routes/kafka.camel.yaml, each on its own: the Kafka consumers replaced by direct endpoints, the
 * records they produce and the adapter's inputs they call caught by mocks. No broker is needed.
 */
class KafkaRoutesTest extends RouteFileTestSupport {

    @Override
    String routeFile() {
        return "kafka.camel.yaml";
    }

    @Override
    Map<String, String> settings() {
        return Map.of("ocpi.bindings.kafka.enabled", "true");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        // As camel.component.kafka.brokers in the adapter; nothing connects to them here.
        camel.getComponent("kafka", KafkaComponent.class).getConfiguration()
                .setBrokers(camel.resolvePropertyPlaceholders("{{ocpi.bindings.kafka.brokers}}"));
        return camel;
    }

    /** A record of the charge point management system's topic, as the Kafka consumer hands it to the route. */
    private Map<String, Object> record(String topic, long offset) {
        return Map.of("kafka.TOPIC", topic, "kafka.PARTITION", 0, "kafka.OFFSET", offset);
    }

    @Test
    void anEvseStatusEventBecomesThePatchOfItsEvse() throws Exception {
        AdviceWith.adviceWith(context, "kafka-evse-status", route -> {
            route.replaceFromWith("direct:evse-status");
            route.mockEndpointsAndSkip("direct:ocpi.*", "kafka:*");
        });
        start("kafka-evse-status");
        MockEndpoint update = getMockEndpoint("mock:direct:ocpi.locations.update");
        update.expectedMessageCount(1);
        update.expectedHeaderReceived("OcpiObjectId", "LOC1");
        update.expectedHeaderReceived("OcpiEvseUid", "EVSE1");

        template.sendBodyAndHeaders("direct:evse-status",
                "{\"location_id\":\"LOC1\",\"evse_uid\":\"EVSE1\",\"status\":\"CHARGING\",\"timestamp\":\"2024-01-01T10:00:00Z\"}",
                record("cpms.evse-status", 7));

        update.assertIsSatisfied();
        assertThat(update.getExchanges().get(0).getMessage().getBody(String.class).replaceAll("\\s", ""))
                .isEqualTo("{\"status\":\"CHARGING\",\"last_updated\":\"2024-01-01T10:00:00Z\"}");
    }

    @Test
    void aRecordThatIsNoEvseStatusGoesUnchangedToTheDeadLetterTopicWithWhy() throws Exception {
        AdviceWith.adviceWith(context, "kafka-evse-status", route -> {
            route.replaceFromWith("direct:evse-status");
            route.mockEndpointsAndSkip("direct:ocpi.*", "kafka:*");
        });
        start("kafka-evse-status");

        template.sendBodyAndHeaders("direct:evse-status", "{\"evse_uid\":\"EVSE1\"}", record("cpms.evse-status", 42));

        MockEndpoint deadLetters = getMockEndpoint("mock:kafka:cpms.evse-status.dlt");
        assertThat(deadLetters.getReceivedCounter()).isEqualTo(1);
        Exchange refused = deadLetters.getExchanges().get(0);
        assertThat(refused.getMessage().getBody(String.class)).isEqualTo("{\"evse_uid\":\"EVSE1\"}");
        assertThat(refused.getMessage().getHeaders()).containsEntry("DeadLetterTopic", "cpms.evse-status")
                .containsEntry("DeadLetterPartition", "0").containsEntry("DeadLetterOffset", "42");
        assertThat(refused.getMessage().getHeader("DeadLetterReason", String.class)).contains("location_id");
        assertThat(getMockEndpoint("mock:direct:ocpi.locations.update").getReceivedCounter()).isZero();
    }

    @Test
    void sessionsAndCdrsOfTheChargePointManagementSystemArePublishedAsTheyAre() throws Exception {
        for (String route : new String[] {"kafka-sessions", "kafka-cdrs"}) {
            AdviceWith.adviceWith(context, route, advice -> {
                advice.replaceFromWith("direct:" + route);
                advice.mockEndpointsAndSkip("direct:ocpi.*");
            });
        }
        start("kafka-sessions", "kafka-cdrs");

        template.sendBodyAndHeaders("direct:kafka-sessions", "{\"id\":\"S1\"}", record("cpms.sessions", 1));
        template.sendBodyAndHeaders("direct:kafka-cdrs", "{\"id\":\"C1\"}", record("cpms.cdrs", 1));

        assertThat(getMockEndpoint("mock:direct:ocpi.sessions.publish").getExchanges()).singleElement()
                .satisfies(published -> assertThat(published.getMessage().getBody(String.class)).isEqualTo("{\"id\":\"S1\"}"));
        assertThat(getMockEndpoint("mock:direct:ocpi.cdrs.publish").getExchanges()).singleElement()
                .satisfies(published -> assertThat(published.getMessage().getBody(String.class)).isEqualTo("{\"id\":\"C1\"}"));
    }

    @Test
    void whatPeersSendUsGoesToTheTopicOfItsModuleKeyedByObjectId() throws Exception {
        for (String module : new String[] {"locations", "sessions", "cdrs", "tariffs", "tokens"}) {
            AdviceWith.adviceWith(context, "kafka-" + module + "-received", route -> route.mockEndpointsAndSkip("kafka:*"));
        }
        start("kafka-locations-received", "kafka-sessions-received", "kafka-cdrs-received", "kafka-tariffs-received", "kafka-tokens-received");

        for (String module : new String[] {"locations", "sessions", "cdrs", "tariffs", "tokens"}) {
            template.sendBodyAndHeaders("direct:ocpi." + module + ".received.kafka", "{\"id\":\"" + module + "-1\"}",
                    Map.of("OcpiModule", module, "OcpiObjectId", module + "-1", "OcpiCountryCode", "NL", "OcpiPartyId", "PCP",
                            "OcpiOperation", "PUT"));
            Exchange record = getMockEndpoint("mock:kafka:ocpi.received." + module).getExchanges().get(0);
            assertThat(record.getMessage().getBody(String.class)).isEqualTo("{\"id\":\"" + module + "-1\"}");
            assertThat(record.getMessage().getHeaders()).as(module).containsEntry("kafka.KEY", module + "-1")
                    .containsEntry("OcpiCountryCode", "NL").containsEntry("OcpiPartyId", "PCP")
                    .containsEntry("OcpiModule", module).containsEntry("OcpiOperation", "PUT");
        }
    }

    @Test
    void withTheBindingSwitchedOffNoneOfItsRoutesIsCreated() throws Exception {
        context.getPropertiesComponent().addOverrideProperty("ocpi.bindings.kafka.enabled", "false");
        start();
        assertThat(context.getRoutes()).isEmpty();
    }

    @Test
    void theOutcomeOfACommandGoesToTheCommandsTopicKeyedByItsRequest() throws Exception {
        AdviceWith.adviceWith(context, "kafka-command-results", route -> route.mockEndpointsAndSkip("kafka:*"));
        start("kafka-command-results");

        template.sendBodyAndHeaders("direct:ocpi.commands.result", "{\"result\":\"ACCEPTED\"}",
                Map.of("OcpiModule", "commands", "OcpiRequestId", "R-1"));

        Exchange record = getMockEndpoint("mock:kafka:ocpi.received.commands").getExchanges().get(0);
        assertThat(record.getMessage().getBody(String.class)).isEqualTo("{\"result\":\"ACCEPTED\"}");
        assertThat(record.getMessage().getHeaders()).containsEntry("kafka.KEY", "R-1").containsEntry("OcpiObjectId", "R-1");
    }
}
