package io.ocpi.adapter.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.bindings.sftp.EmbeddedSftpServer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Ports;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.TestKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The enterprise backends fail while traffic goes on, on real components: the SFTP server standing in for SAP's file
 * drop is stopped and started, the Kafka broker is stopped and started, and the bus carries records that cannot be
 * read. Every CDR a peer sent must reach every sink once, and a bad record must not stop the ones behind it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackendOutageTest {

    static final int BURST = 25;
    static final List<String> TOPICS = List.of("cpms.evse-status", "cpms.sessions", "cpms.cdrs", "ocpi.received.cdrs",
            "cpms.evse-status.dlt", "cpms.sessions.dlt", "cpms.cdrs.dlt");

    @TempDir
    static Path sftpRoot;

    static EmbeddedSftpServer sftp;
    static TestKafka kafka;
    static PeerPlatform platform;
    static JdbcTemplate billing;

    @BeforeAll
    static void start() throws IOException {
        int sftpPort = Ports.free();
        sftp = new EmbeddedSftpServer(sftpPort, sftpRoot.resolve("home"), "sap", "outage-secret", List.of("inbound", "outbound"));
        sftp.start();
        kafka = new TestKafka(TOPICS.toArray(String[]::new));

        Map<String, Object> settings = new HashMap<>();
        settings.put("ocpi.push.poll-interval", "100ms");
        settings.put("ocpi.push.initial-backoff", "200ms");
        // Retries keep coming during an outage, so that the test sees the sinks catch up soon after it.
        settings.put("ocpi.push.max-backoff", "1s");
        settings.put("ocpi.bindings.billing.enabled", true);
        settings.put("ocpi.bindings.sftp.enabled", true);
        settings.put("ocpi.bindings.sftp.port", sftpPort);
        settings.put("ocpi.bindings.sftp.username", "sap");
        settings.put("ocpi.bindings.sftp.password", "outage-secret");
        settings.put("ocpi.bindings.kafka.enabled", true);
        settings.put("ocpi.bindings.kafka.brokers", kafka.bootstrap());
        platform = PeerPlatform.start("backend-outage", settings);
        billing = new JdbcTemplate(platform.adapter.bean(DataSource.class));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (sftp != null) {
            sftp.stop();
        }
    }

    @Test
    @Order(1)
    void recordsThatCannotBeReadGoToADeadLetterTopicWithTheReasonAndTheNextOnesGoOn() throws Exception {
        String locationPath = "/2.2.1/receiver/locations/NL/ADC/DLOC";
        platform.peer.on(locationPath, Answer.ocpi("null"));
        platform.peer.on(locationPath + "/DLOC-E1", Answer.ocpi("null"));
        platform.publish("locations", Samples.location("DLOC", "2024-01-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.peer.received(locationPath).size() == 1);

        Map<String, String> poison = Map.of(
                "not-json", "status CHARGING at DLOC-E1",
                "no-location", "{\"evse_uid\":\"DLOC-E1\",\"status\":\"CHARGING\",\"timestamp\":\"2024-01-01T10:00:00Z\"}",
                "unknown-location", "{\"location_id\":\"NOPE\",\"evse_uid\":\"X\",\"status\":\"CHARGING\",\"timestamp\":\"2024-01-01T10:00:00Z\"}",
                "unknown-status", "{\"location_id\":\"DLOC\",\"evse_uid\":\"DLOC-E1\",\"status\":\"ON_FIRE\",\"timestamp\":\"2024-01-01T10:00:00Z\"}");
        for (String topic : List.of("cpms.evse-status", "cpms.sessions", "cpms.cdrs")) {
            kafka.awaitConsumer("ocpi-adapter." + topic.substring("cpms.".length()), topic);
        }
        try (KafkaProducer<String, String> producer = kafka.producer()) {
            for (Map.Entry<String, String> record : poison.entrySet()) {
                producer.send(new ProducerRecord<>("cpms.evse-status", record.getKey(), record.getValue())).get();
            }
            producer.send(new ProducerRecord<>("cpms.evse-status", "good",
                    "{\"location_id\":\"DLOC\",\"evse_uid\":\"DLOC-E1\",\"status\":\"CHARGING\",\"timestamp\":\"2024-01-01T10:00:00Z\"}")).get();
            producer.send(new ProducerRecord<>("cpms.sessions", "half-session", "{\"id\":\"S-HALF\"}")).get();
            producer.send(new ProducerRecord<>("cpms.cdrs", "truncated-cdr", Samples.cdr("ADC", "C-CUT", "ADE").substring(0, 40))).get();
        }

        // The good record behind the bad ones is applied.
        await().atMost(Duration.ofSeconds(30)).until(() -> !platform.peer.received(locationPath + "/DLOC-E1").isEmpty());
        assertThat(platform.peer.received(locationPath + "/DLOC-E1").get(0).body()).contains("CHARGING");

        // Each bad one is in the dead-letter topic, unchanged, with why and where from.
        try (KafkaConsumer<String, String> consumer = kafka.consumer("cpms.evse-status.dlt")) {
            Map<String, ConsumerRecord<String, String>> dead = TestKafka.pollUntil(consumer, Duration.ofSeconds(30),
                    found -> found.size() >= poison.size()).stream().collect(Collectors.toMap(ConsumerRecord::key, Function.identity()));
            assertThat(dead.keySet()).containsExactlyInAnyOrderElementsOf(poison.keySet());
            dead.forEach((key, record) -> {
                assertThat(record.value()).isEqualTo(poison.get(key));
                assertThat(TestKafka.header(record, "DeadLetterTopic")).isEqualTo("cpms.evse-status");
                assertThat(TestKafka.header(record, "DeadLetterOffset")).matches("[0-9]+");
                assertThat(TestKafka.header(record, "DeadLetterReason")).as(key).isNotBlank();
            });
            assertThat(TestKafka.header(dead.get("no-location"), "DeadLetterReason")).contains("location_id");
            assertThat(TestKafka.header(dead.get("unknown-location"), "DeadLetterReason")).contains("NOPE");
            assertThat(TestKafka.header(dead.get("unknown-status"), "DeadLetterReason")).contains("ON_FIRE");
        }
        try (KafkaConsumer<String, String> consumer = kafka.consumer("cpms.sessions.dlt")) {
            ConsumerRecord<String, String> dead = TestKafka.poll(consumer, "half-session");
            assertThat(dead.value()).isEqualTo("{\"id\":\"S-HALF\"}");
            assertThat(TestKafka.header(dead, "DeadLetterReason")).isNotBlank();
        }
        try (KafkaConsumer<String, String> consumer = kafka.consumer("cpms.cdrs.dlt")) {
            assertThat(TestKafka.header(TestKafka.poll(consumer, "truncated-cdr"), "DeadLetterReason")).isNotBlank();
        }
        assertThat(platform.call("GET", "/ocpi/versions", null).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void cdrsArrivingWhileTheSftpServerIsDownBecomeIdocFilesOnceWhenItIsBack() throws Exception {
        List<String> cdrIds = burstOfIds("SFTP");
        Path outbound = sftpRoot.resolve("home/outbound");
        sftp.stop();
        try {
            for (String cdrId : cdrIds) {
                platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", cdrId, "ADE")).assertStatus(201);
            }
            // Billing is not held up by SAP's file drop being away.
            await().atMost(Duration.ofSeconds(30)).until(() -> billed(cdrIds) == BURST);
            Thread.sleep(2000);
            assertThat(filesPerCdr(outbound, cdrIds).values()).allMatch(count -> count == 0);
        } finally {
            sftp.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> filesPerCdr(outbound, cdrIds).values().stream().allMatch(count -> count >= 1));
        Thread.sleep(1000);
        assertThat(filesPerCdr(outbound, cdrIds)).allSatisfy((cdrId, count) -> assertThat(count).as(cdrId).isEqualTo(1));
        try (Stream<Path> files = Files.list(outbound)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
        assertThat(billed(cdrIds)).isEqualTo(BURST);
    }

    @Test
    @Order(3)
    void cdrsArrivingWhileTheKafkaBrokerIsDownAreRecordedOnceWhenItIsBack() throws Exception {
        List<String> cdrIds = burstOfIds("KAFKA");
        kafka.stop();
        try {
            for (String cdrId : cdrIds) {
                platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", cdrId, "ADE")).assertStatus(201);
            }
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    platform.adapter.admin("GET", "/health/readiness", null).json().at("/components/kafka/status").asText().equals("DOWN"));
        } finally {
            kafka.start();
        }

        try (KafkaConsumer<String, String> consumer = kafka.consumer("ocpi.received.cdrs")) {
            List<ConsumerRecord<String, String>> records = TestKafka.pollUntil(consumer, Duration.ofSeconds(90),
                    found -> found.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(cdrIds));
            // A little longer, for a second copy of any of them to show up.
            Thread.sleep(3000);
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            Map<String, Long> copies = records.stream().filter(r -> cdrIds.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(copies).hasSize(BURST).allSatisfy((cdrId, count) -> assertThat(count).as(cdrId).isEqualTo(1L));
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                platform.adapter.admin("GET", "/health/readiness", null).json().at("/components/kafka/status").asText().equals("UP"));
        await().atMost(Duration.ofSeconds(30)).until(() -> billed(cdrIds) == BURST);
    }

    static List<String> burstOfIds(String prefix) {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return IntStream.range(0, BURST).mapToObj(i -> prefix + "-" + run + "-" + i).toList();
    }

    static int billed(List<String> cdrIds) {
        return billing.queryForObject("SELECT COUNT(*) FROM billing_line_item WHERE cdr_id IN (" +
                cdrIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")", Integer.class);
    }

    /** How many IDoc files name each CDR. */
    static Map<String, Long> filesPerCdr(Path folder, List<String> cdrIds) throws IOException {
        List<String> contents;
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            contents = files.filter(f -> f.toString().endsWith(".idoc")).map(BackendOutageTest::read).toList();
        }
        return cdrIds.stream().collect(Collectors.toMap(Function.identity(),
                id -> contents.stream().filter(content -> content.contains(id + " ") || content.contains(id + "\n")
                        || content.contains(id + "\r")).count()));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
