package io.ocpi.adapter.bindings;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Kafka records in and out, per topic, counted where every route meets Kafka: {@code ocpi_kafka_records_total} with
 * {@code direction} ({@code in}: consumed by a route, {@code out}: produced by one), {@code topic} and
 * {@code outcome} ({@code ok}, or {@code failed}: a record in whose route failed, a record out the broker did not take).
 * The routes are YAML, so the count is taken from Camel's events rather than from steps in each route. A route
 * that picks the topic per record ({@code toD}) sets {@code allowOptimisedComponents: false}, so that each topic has
 * an endpoint of its own to be counted under (otherwise Camel sends all through one, named after the pattern).
 */
@Component
public class KafkaRecordMetrics extends EventNotifierSupport {

    private final MeterRegistry registry;

    public KafkaRecordMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Only the events counted here: Camel then skips creating the others.
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        // Camel times a send, and reports it sent, only when it has reported it sending.
        setIgnoreExchangeSendingEvents(false);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeFailedEvents(false);
        setIgnoreExchangeCompletedEvent(false);
        setIgnoreExchangeSentEvents(false);
        setIgnoreStepEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent) {
            if (sent.getEndpoint() instanceof KafkaEndpoint kafka) {
                count("out", kafka, sent.getExchange());
            }
        } else if (event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent) {
            // One or the other, once per record a route consumed.
            Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
            if (exchange.getFromEndpoint() instanceof KafkaEndpoint kafka) {
                count("in", kafka, exchange);
            }
        }
    }

    private void count(String direction, KafkaEndpoint endpoint, Exchange exchange) {
        Counter.builder("ocpi.kafka.records")
                .description("Kafka records consumed (in) and produced (out) by the routes")
                .tag("direction", direction)
                .tag("topic", topic(endpoint, exchange))
                .tag("outcome", exchange.isFailed() ? "failed" : "ok")
                .register(registry)
                .increment();
    }

    /** The topic a record was consumed from, or produced to. */
    private static String topic(KafkaEndpoint endpoint, Exchange exchange) {
        String consumed = exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class);
        return consumed != null ? consumed : endpoint.getConfiguration().getTopic();
    }
}
