package io.ocpi.adapter.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A KRaft Kafka broker for tests, on a port of its own that it keeps when stopped and started again, so that the
 * adapter, configured once, finds it back after an outage. A broker started again is a new cluster: its topics are
 * created anew and hold only what is written after the start.
 */
public final class TestKafka implements AutoCloseable {

    private final int port = Ports.free();
    private final String[] topics;
    private EmbeddedKafkaKraftBroker broker;

    public TestKafka(String... topics) {
        this.topics = topics;
        start();
    }

    public void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        // The KRaft test broker picks its ports itself unless its listeners name one.
        broker.brokerProperty("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        broker.afterPropertiesSet();
        createTopics();
    }

    /**
     * Creates the topics on a broker that may already have some: when it starts again under a running adapter, the
     * adapter's clients can have the broker create a topic of its own accord before this gets to it.
     */
    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Topic " + topic + " could not be created", e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public void stop() {
        broker.destroy();
        broker = null;
    }

    public String bootstrap() {
        return "localhost:" + port;
    }

    public KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap());
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** A consumer of its own group, reading the topic from its start. */
    public KafkaConsumer<String, String> consumer(String topic) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap());
        properties.put("group.id", "test-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls until a record with this key arrives (30 s at most) and answers it. */
    public static ConsumerRecord<String, String> poll(KafkaConsumer<String, String> consumer, String key) {
        return pollUntil(consumer, Duration.ofSeconds(30), found -> found.stream().anyMatch(r -> key.equals(r.key())))
                .stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    /** Polls until what was read so far satisfies {@code enough}, and answers all of it. */
    public static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer, Duration atMost,
                                                                 Predicate<List<ConsumerRecord<String, String>>> enough) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(atMost).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            return enough.test(found);
        });
        return found;
    }

    /**
     * Waits until a consumer of the group reads the topic: a consumer that joins after a record was written starts
     * after it (the adapter's consumers read from the latest offset when their group is new).
     */
    public void awaitConsumer(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeConsumerGroups(List.of(group)).all().get()
                    .get(group).members().stream()
                    .anyMatch(member -> member.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(topic))));
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (broker != null) {
            stop();
        }
    }
}
