package io.ocpi.adapter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Kafka side of the benchmark (bench/run), for machines without a broker: {@code broker <file> <topic>...} runs
 * a KRaft broker until killed, and writes its bootstrap address to the file once it is ready (a KRaft test broker
 * picks its own port); {@code count <bootstrap> <topic>} prints how many records a topic holds, to count a sink.
 */
public final class BenchKafka {

    private BenchKafka() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "broker" -> {
                EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, List.of(args).subList(2, args.length).toArray(String[]::new));
                broker.afterPropertiesSet();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
                Path ready = Path.of(args[1]);
                Files.writeString(ready.resolveSibling(ready.getFileName() + ".part"), broker.getBrokersAsString());
                Files.move(ready.resolveSibling(ready.getFileName() + ".part"), ready);
                new CountDownLatch(1).await();
            }
            case "count" -> {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]))) {
                    List<TopicPartition> partitions = admin.describeTopics(List.of(args[2])).allTopicNames().get().get(args[2])
                            .partitions().stream().map(p -> new TopicPartition(args[2], p.partition())).toList();
                    long records = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                            .all().get().values().stream().mapToLong(info -> info.offset()).sum();
                    System.out.println("RECORDS " + records);
                }
            }
            default -> throw new IllegalArgumentException("broker <file> <topic>... | count <bootstrap> <topic>");
        }
    }
}
