package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.bindings.sap.Idoc;
import io.ocpi.adapter.bindings.sap.IdocFlatFile;
import io.ocpi.adapter.bindings.sap.IdocType;
import io.ocpi.adapter.bindings.sftp.EmbeddedSftpServer;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.push.EventDelivery;
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
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reference site end to end, on real components: the billing tables in the adapter's database (PostgreSQL in
 * CI), a MINA SSHD SFTP server standing in for SAP's file drop, a KRaft Kafka broker, and a peer over HTTP. The
 * routes and mappings are the shipped ones in routes/ and mappings/.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReferenceSiteTest {

    static final String SFTP_USER = "sap";
    static final String SFTP_PASSWORD = "file-drop-secret";

    @TempDir
    static Path sftpRoot;

    static EmbeddedSftpServer sftp;
    static TestKafka kafka;
    static PeerPlatform platform;
    static JdbcTemplate billing;

    @BeforeAll
    static void start() throws IOException {
        int sftpPort = Ports.free();
        sftp = new EmbeddedSftpServer(sftpPort, sftpRoot.resolve("home"), SFTP_USER, SFTP_PASSWORD, List.of("inbound", "outbound"));
        sftp.start();
        kafka = new TestKafka("cpms.evse-status", "cpms.sessions", "cpms.cdrs", "ocpi.received.cdrs");

        Map<String, Object> settings = new HashMap<>();
        settings.put("ocpi.push.poll-interval", "100ms");
        settings.put("ocpi.push.initial-backoff", "200ms");
        settings.put("ocpi.authorization.cache-for", "0s");
        settings.put("ocpi.bindings.billing.enabled", true);
        settings.put("ocpi.bindings.billing.poll-interval", 300);
        settings.put("ocpi.bindings.sftp.enabled", true);
        settings.put("ocpi.bindings.sftp.port", sftpPort);
        settings.put("ocpi.bindings.sftp.username", SFTP_USER);
        settings.put("ocpi.bindings.sftp.password", SFTP_PASSWORD);
        settings.put("ocpi.bindings.sftp.poll-interval", 300);
        settings.put("ocpi.bindings.kafka.enabled", true);
        settings.put("ocpi.bindings.kafka.brokers", kafka.bootstrap());
        platform = PeerPlatform.start("reference-site", settings);
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
    void aCdrFromAPeerBecomesABillingRowAnIdocFileAndAKafkaRecord() throws Exception {
        String cdrId = "CDR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (KafkaConsumer<String, String> consumer = kafka.consumer("ocpi.received.cdrs")) {
            platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", cdrId, "ADE")).assertStatus(201);

            // (a) billing
            await().atMost(Duration.ofSeconds(20)).until(() -> lineItems(cdrId) == 1);
            Map<String, Object> line = billing.queryForMap("SELECT * FROM billing_line_item WHERE cdr_id = ?", cdrId);
            assertThat(line.get("contract_id")).isEqualTo("NL-ADE-1");
            assertThat(((Number) line.get("energy_kwh")).doubleValue()).isEqualTo(10.0);
            assertThat(((Number) line.get("amount_excl_vat")).doubleValue()).isEqualTo(2.5);
            assertThat(line.get("amount_incl_vat")).isNull();

            // (b) SAP: one flat IDoc file whose fields are the CDR's
            Path outbound = sftpRoot.resolve("home/outbound");
            await().atMost(Duration.ofSeconds(20)).until(() -> idocFiles(outbound).stream().anyMatch(f -> read(f).contains(cdrId)));
            Path file = idocFiles(outbound).stream().filter(f -> read(f).contains(cdrId)).findFirst().orElseThrow();
            assertThat(file.getFileName().toString()).endsWith(".idoc");
            IdocType type = IdocType.read(Path.of("mappings/idoc/ZOCPICDR01.yaml"));
            List<Idoc> idocs = IdocFlatFile.parse(read(file), type);
            assertThat(idocs).hasSize(1);
            Idoc idoc = idocs.get(0);
            assertThat(idoc.docnum()).hasSize(16).matches("[0-9]+");
            assertThat(idoc.control()).containsEntry("IDOCTYP", "ZOCPICDR01").containsEntry("MESTYP", "ZOCPICDR");
            Map<String, String> header = segment(idoc, "Z1CDRHD");
            assertThat(header).containsEntry("CPO_COUNTRY", "NL").containsEntry("CPO_PARTY", "PCP").containsEntry("CDR_ID", cdrId)
                    .containsEntry("START_TS", "20240101100000").containsEntry("END_TS", "20240101110000")
                    .containsEntry("CURRENCY", "EUR").containsEntry("TOTAL_EXCL_VAT", "2.5").containsEntry("TOTAL_ENERGY", "10");
            assertThat(segment(idoc, "Z1CDRTK")).containsEntry("TOKEN_UID", "T1").containsEntry("CONTRACT_ID", "NL-ADE-1");
            assertThat(segment(idoc, "Z1CDRLC")).containsEntry("EVSE_ID", "NL*ADC*E1").containsEntry("COUNTRY", "NLD");
            assertThat(idoc.segments()).filteredOn(s -> s.name().equals("Z1CDRDM")).singleElement()
                    .satisfies(s -> assertThat(s.fields()).containsEntry("DIM_TYPE", "ENERGY").containsEntry("VOLUME", "10"));
            try (Stream<Path> leftovers = Files.list(outbound)) {
                assertThat(leftovers.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
            }

            // (c) Kafka: keyed by CDR id, headers naming party, module and operation
            ConsumerRecord<String, String> record = TestKafka.poll(consumer, cdrId);
            JsonNode body = AdapterInstance.JSON.readTree(record.value());
            assertThat(body.get("id").asText()).isEqualTo(cdrId);
            assertThat(TestKafka.header(record, "OcpiCountryCode")).isEqualTo("NL");
            assertThat(TestKafka.header(record, "OcpiPartyId")).isEqualTo("PCP");
            assertThat(TestKafka.header(record, "OcpiModule")).isEqualTo("cdrs");
            assertThat(TestKafka.header(record, "OcpiOperation")).isEqualTo("POST");
        }

        // The peer sends it again: nothing is billed twice.
        platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", cdrId, "ADE")).assertStatus(200);
        Thread.sleep(500);
        assertThat(lineItems(cdrId)).isEqualTo(1);
    }

    @Test
    void aCdrDeliveredAgainAfterItsIdocFileWasWrittenWritesThatFileOver() throws Exception {
        Path outbound = sftpRoot.resolve("home/outbound");
        long deliveryId = 900_000_000L + new java.util.Random().nextInt(1_000_000);
        Path file = outbound.resolve("ZOCPICDR_" + deliveryId + ".idoc");
        String first = "CDR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String second = "CDR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        platform.input("sap-cdr-to-idoc-file", Samples.cdr("PCP", first, "ADE"), Map.of(EventDelivery.DELIVERY_ID, deliveryId));
        assertThat(read(file)).contains(first);
        // The outbox tries the delivery again (the adapter stopped before it heard the file was written): the file
        // is replaced, here by the rename itself (the server offers posix-rename), never left as it was.
        platform.input("sap-cdr-to-idoc-file", Samples.cdr("PCP", second, "ADE"), Map.of(EventDelivery.DELIVERY_ID, deliveryId));
        assertThat(read(file)).contains(second).doesNotContain(first);
        try (Stream<Path> files = Files.list(outbound)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void aCdrABackendCanNeverTakeBecomesADeadLetterAtOnceWithOneLogLine(CapturedOutput output) throws Exception {
        String forSap = "CDR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String forBilling = "CDR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // total_time has more digits than the IDoc's field of 15 characters (billing does not keep it); total_energy
        // has more than billing's NUMERIC(12, 3) column (the IDoc's field holds it).
        platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", forSap, "ADE")
                .replace("\"total_time\":1,", "\"total_time\":1.23456789012345,")).assertStatus(201);
        platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", forBilling, "ADE")
                .replace("\"total_energy\":10,", "\"total_energy\":1234567890.5,")).assertStatus(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> "DEAD".equals(event("sap", forSap).get("status"))
                && "DEAD".equals(event("billing", forBilling).get("status")));
        // The other sinks took them.
        await().atMost(Duration.ofSeconds(20)).until(() -> lineItems(forSap) == 1
                && idocFiles(sftpRoot.resolve("home/outbound")).stream().anyMatch(f -> read(f).contains(forBilling)));
        Thread.sleep(1000);
        for (Map<String, Object> dead : List.of(event("sap", forSap), event("billing", forBilling))) {
            assertThat(dead.get("status")).isEqualTo("DEAD");
            assertThat(((Number) dead.get("attempts")).intValue()).as("attempts").isEqualTo(1);
            assertThat(output.getAll().lines().filter(line -> line.contains("event " + dead.get("id") + " ")))
                    .as("log lines of event " + dead.get("id")).singleElement().asString().contains("dead letter");
        }
        assertThat((String) event("sap", forSap).get("last_error")).contains("Z1CDRHD.TOTAL_TIME", "longer than its 15 characters");
        assertThat((String) event("billing", forBilling).get("last_error")).contains("DataIntegrityViolation");
        assertThat(output.getAll()).doesNotContain("Exhausted after delivery attempt").doesNotContain("\tat ");
    }

    /** The outbox item that hands the CDR to a route of that binding. */
    static Map<String, Object> event(String binding, String cdrId) {
        return billing.queryForMap("SELECT id, status, attempts, last_error FROM ocpi_outbox WHERE route LIKE ? AND body LIKE ?",
                "%." + binding, "%\"" + cdrId + "\"%");
    }

    @Test
    void aContractIdocDroppedBySapBecomesTokensPushedToThePeerCpoOnce() throws Exception {
        String uid = "04" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String tokenPath = "/2.2.1/receiver/tokens/NL/ADE/" + uid;
        platform.peer.on(tokenPath, Answer.ocpi("null"));
        String idoc = Samples.contractIdoc("0000000000007001", "NL-ADE-C7001-1", "ACTIVE", uid);

        drop("contract-7001.idoc", idoc);
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.peer.received(tokenPath).size() == 1);
        JsonNode token = AdapterInstance.JSON.readTree(platform.peer.received(tokenPath).get(0).body());
        assertThat(token.get("contract_id").asText()).isEqualTo("NL-ADE-C7001-1");
        assertThat(token.get("type").asText()).isEqualTo("RFID");
        assertThat(token.get("valid").asBoolean()).isTrue();
        assertThat(token.get("last_updated").asText()).isEqualTo("2025-03-01T12:00:00Z");
        Path inbound = sftpRoot.resolve("home/inbound");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbound.resolve("done/contract-7001.idoc")));

        // The same IDoc (same DOCNUM) dropped again under another name: processed once only.
        drop("contract-7001-again.idoc", idoc);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbound.resolve("done/contract-7001-again.idoc")));
        Thread.sleep(500);
        assertThat(platform.peer.received(tokenPath)).hasSize(1);
    }

    @Test
    void aMalformedIdocGoesToTheErrorFolderWithAReasonAndTheNextOneIsProcessed() throws Exception {
        String uid = "04" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String tokenPath = "/2.2.1/receiver/tokens/NL/ADE/" + uid;
        platform.peer.on(tokenPath, Answer.ocpi("null"));
        String good = Samples.contractIdoc("0000000000007002", "NL-ADE-C7002-1", "ACTIVE", uid);
        String broken = good.replace("0000000000007002000001000000", "0000000000007002000001000XYZ");

        drop("broken.idoc", broken);
        Path error = sftpRoot.resolve("home/inbound/error");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(error.resolve("broken.idoc")) && Files.exists(error.resolve("broken.idoc.reason")));
        assertThat(read(error.resolve("broken.idoc.reason"))).contains("line 2").contains("PSGNUM");

        drop("good.idoc", good);
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.peer.received(tokenPath).size() == 1);
    }

    @Test
    void aKafkaEvseStatusEventBecomesAPatchAtThePeerEmsp() throws Exception {
        String locationPath = "/2.2.1/receiver/locations/NL/ADC/KLOC";
        platform.peer.on(locationPath, Answer.ocpi("null"));
        platform.peer.on(locationPath + "/KLOC-E1", Answer.ocpi("null"));
        platform.publish("locations", Samples.location("KLOC", "2024-01-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.peer.received(locationPath).size() == 1);

        kafka.awaitConsumer("ocpi-adapter.evse-status", "cpms.evse-status");
        try (KafkaProducer<String, String> producer = kafka.producer()) {
            producer.send(new ProducerRecord<>("cpms.evse-status", "KLOC-E1",
                    "{\"location_id\":\"KLOC\",\"evse_uid\":\"KLOC-E1\",\"status\":\"CHARGING\",\"timestamp\":\"2024-01-01T10:00:00Z\"}")).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !platform.peer.received(locationPath + "/KLOC-E1").isEmpty());
        FakePeer.Received patch = platform.peer.received(locationPath + "/KLOC-E1").get(0);
        assertThat(patch.method()).isEqualTo("PATCH");
        JsonNode body = AdapterInstance.JSON.readTree(patch.body());
        assertThat(body.get("status").asText()).isEqualTo("CHARGING");
        assertThat(body.get("last_updated").asText()).isEqualTo("2024-01-01T10:00:00Z");
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().matches(
                "(?s).*ocpi_kafka_records_total\\{direction=\"in\",[^}]*outcome=\"ok\",[^}]*topic=\"cpms.evse-status\"} [1-9].*"));
    }

    @Test
    void everyEnabledBackendIsInReadinessAndRecordsOutAreCounted() throws Exception {
        JsonNode readiness = platform.adapter.admin("GET", "/health/readiness", null).assertStatus(200).json();
        assertThat(readiness.at("/components/billing/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/sftp/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/kafka/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/kafka/details/nodes").asInt()).isEqualTo(1);

        String cdrId = "CDR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", cdrId, "ADE")).assertStatus(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> scrape().matches(
                "(?s).*ocpi_kafka_records_total\\{direction=\"out\",[^}]*outcome=\"ok\",[^}]*topic=\"ocpi.received.cdrs\"} [1-9].*"));
    }

    @Test
    void aCardAddedInBillingIsPushedAndAContractBlockedInBillingIsRefusedAtOnce() {
        String uid = "04" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String contract = "NL-ADE-" + uid;
        String tokenPath = "/2.2.1/receiver/tokens/NL/ADE/" + uid;
        platform.peer.on(tokenPath, Answer.ocpi("null"));
        billing.update("""
                INSERT INTO billing_contract (contract_id, customer_name, state, balance_due, changed_at)
                VALUES (?, 'E. Smit', 'ACTIVE', 0, CURRENT_TIMESTAMP)""", contract);
        billing.update("INSERT INTO billing_card (uid, contract_id, card_type, changed_at) VALUES (?, ?, 'RFID', CURRENT_TIMESTAMP)", uid, contract);

        await().atMost(Duration.ofSeconds(20)).until(() -> platform.peer.received(tokenPath).size() == 1);
        assertThat(platform.peer.received(tokenPath).get(0).body()).contains(contract);

        String authorize = "/ocpi/emsp/2.2.1/tokens/" + uid + "/authorize";
        JsonNode allowed = platform.call("POST", authorize, Map.of("location_id", "LOC1")).assertStatus(200).data();
        assertThat(allowed.get("allowed").asText()).isEqualTo("ALLOWED");
        assertThat(allowed.get("authorization_reference").asText()).hasSize(36);

        billing.update("UPDATE billing_contract SET state = 'BLOCKED', changed_at = CURRENT_TIMESTAMP WHERE contract_id = ?", contract);
        assertThat(platform.call("POST", authorize, null).assertStatus(200).data().get("allowed").asText()).isEqualTo("BLOCKED");
        // ...and the CPOs hear that the card is no longer valid.
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.peer.received(tokenPath).size() == 2);
        assertThat(platform.peer.received(tokenPath).get(1).body()).contains("\"valid\":false");

        billing.update("UPDATE billing_contract SET state = 'ACTIVE', credit_limit = 10, balance_due = 25 WHERE contract_id = ?", contract);
        assertThat(platform.call("POST", authorize, null).data().get("allowed").asText()).isEqualTo("NO_CREDIT");
        billing.update("UPDATE billing_contract SET credit_limit = NULL, valid_until = DATE '2020-01-31' WHERE contract_id = ?", contract);
        assertThat(platform.call("POST", authorize, null).data().get("allowed").asText()).isEqualTo("EXPIRED");
        billing.update("UPDATE billing_contract SET valid_until = NULL WHERE contract_id = ?", contract);
        billing.update("INSERT INTO billing_contract_location (contract_id, location_id) VALUES (?, 'DEPOT1')", contract);
        assertThat(platform.call("POST", authorize, Map.of("location_id", "LOC1")).data().get("allowed").asText()).isEqualTo("NOT_ALLOWED");
        assertThat(platform.call("POST", authorize, Map.of("location_id", "depot1")).data().get("allowed").asText()).isEqualTo("ALLOWED");
    }

    @Test
    void aSiteAndATariffInTheAssetRegisterArePublishedAsLocationAndTariffAndAChangeIsPushedAgain() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String siteId = "SITE-" + suffix;
        String tariffId = "TARIFF-" + suffix;
        String locationPath = "/2.2.1/receiver/locations/NL/ADC/" + siteId;
        String tariffPath = "/2.2.1/receiver/tariffs/NL/ADC/" + tariffId;
        platform.peer.on(locationPath, Answer.ocpi("null"));
        platform.peer.on(tariffPath, Answer.ocpi("null"));

        writeSite(suffix);

        await().atMost(Duration.ofSeconds(20)).until(() -> platform.peer.received(tariffPath).size() == 1);
        JsonNode tariff = AdapterInstance.JSON.readTree(platform.peer.received(tariffPath).get(0).body());
        assertThat(tariff.get("type").asText()).isEqualTo("REGULAR");
        assertThat(tariff.at("/tariff_alt_text/0/text").asText()).isEqualTo("Day and night");
        assertThat(tariff.get("elements")).hasSize(2);
        JsonNode day = tariff.at("/elements/0");
        assertThat(day.get("price_components")).hasSize(2);
        assertThat(day.at("/price_components/0/type").asText()).isEqualTo("ENERGY");
        assertThat(day.at("/price_components/0/price").decimalValue()).isEqualByComparingTo("0.39");
        assertThat(day.at("/price_components/0/vat").decimalValue()).isEqualByComparingTo("21");
        assertThat(day.at("/price_components/1/type").asText()).isEqualTo("PARKING_TIME");
        assertThat(day.at("/price_components/1/step_size").asInt()).isEqualTo(60);
        assertThat(day.at("/restrictions/start_time").asText()).isEqualTo("07:00");
        assertThat(day.at("/restrictions/day_of_week").toString()).isEqualTo("[\"MONDAY\",\"FRIDAY\"]");
        assertThat(tariff.at("/elements/1/restrictions").isMissingNode()).isTrue();
        assertThat(tariff.get("last_updated").asText()).isEqualTo("2025-02-01T00:00:00Z");

        await().atMost(Duration.ofSeconds(20)).until(() -> platform.peer.received(locationPath).size() == 1);
        FakePeer.Received put = platform.peer.received(locationPath).get(0);
        assertThat(put.method()).isEqualTo("PUT");
        JsonNode location = AdapterInstance.JSON.readTree(put.body());
        assertThat(location.get("address").asText()).isEqualTo("Stationsplein 1");
        assertThat(location.at("/coordinates/latitude").asText()).isEqualTo("52.089400");
        assertThat(location.at("/opening_times/twentyfourseven").asBoolean()).isTrue();
        assertThat(location.get("evses")).hasSize(2);
        JsonNode evseA = location.at("/evses/0");
        assertThat(evseA.get("uid").asText()).isEqualTo(siteId + "-A");
        assertThat(evseA.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(evseA.get("capabilities").toString()).isEqualTo("[\"RFID_READER\",\"REMOTE_START_STOP_CAPABLE\"]");
        assertThat(evseA.get("connectors")).hasSize(2);
        assertThat(evseA.at("/connectors/0/format").asText()).isEqualTo("SOCKET");
        assertThat(evseA.at("/connectors/0/max_electric_power").asInt()).isEqualTo(22000);
        assertThat(evseA.at("/connectors/0/tariff_ids/0").asText()).isEqualTo(tariffId);
        assertThat(evseA.at("/connectors/1/standard").asText()).isEqualTo("DOMESTIC_F");
        assertThat(evseA.at("/connectors/1/tariff_ids").isMissingNode()).isTrue();
        JsonNode evseB = location.at("/evses/1");
        assertThat(evseB.get("status").asText()).isEqualTo("PLANNED");
        assertThat(evseB.at("/connectors/0/format").asText()).isEqualTo("CABLE");
        assertThat(evseB.at("/connectors/0/power_type").asText()).isEqualTo("DC");
        // Served on our Sender interface as well.
        JsonNode served = platform.call("GET", "/ocpi/cpo/2.2.1/locations/" + siteId, null).assertStatus(200).data();
        assertThat(served.get("evses")).hasSize(2);

        // The charge point goes into service: only its own row changes, and the whole Location is pushed again.
        billing.update("UPDATE asset_charge_point SET asset_state = 'IN_SERVICE', changed_at = TIMESTAMP WITH TIME ZONE '2025-03-01 00:00:00+00' WHERE evse_uid = ?", siteId + "-B");
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.peer.received(locationPath).size() == 2);
        JsonNode changed = AdapterInstance.JSON.readTree(platform.peer.received(locationPath).get(1).body());
        assertThat(changed.at("/evses/1/status").asText()).isEqualTo("UNKNOWN");
        assertThat(changed.get("last_updated").asText()).isEqualTo("2025-03-01T00:00:00Z");
        Thread.sleep(1000);
        assertThat(platform.peer.received(locationPath)).hasSize(2);
        assertThat(platform.peer.received(tariffPath)).hasSize(1);
    }

    /**
     * The same charge, recorded by three partner CPOs that speak OCPI 2.1.1, 2.2.1 and 2.3.0, each in its version's
     * shape and at its version's path: the shipped mappings see one form, so the billing row, the IDoc and the Kafka
     * record are the same. What differs: the CDR's id and its CPO's party (each partner's own), and what 2.1.1 cannot
     * say: the token's uid and type (2.1.1 names the token by its auth_id only, which becomes uid and contract_id,
     * type OTHER) and the amount including VAT (2.1.1's total_cost excludes VAT); and on the Kafka record, where the
     * whole canonical CDR goes, the list of taxes only 2.3.0 gives.
     */
    @Test
    void theSameCdrFromPartnersOn211And221And230BecomesTheSameRowIdocAndRecord() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id211 = "CDR-211-" + suffix;
        String id221 = "CDR-221-" + suffix;
        String id230 = "CDR-230-" + suffix;
        try (FakePeer cpo211 = new FakePeer(); FakePeer cpo230 = new FakePeer();
             KafkaConsumer<String, String> consumer = kafka.consumer("ocpi.received.cdrs")) {
            String token211 = register211(cpo211, "OLD", "EMSP");
            String token230 = register230(cpo230, "CPO", "NEW", null);

            String cdr211 = """
                    {"id":"%s","start_date_time":"2024-01-01T10:00:00Z","stop_date_time":"2024-01-01T11:00:00Z",
                     "auth_id":"NL-ADE-1","auth_method":"WHITELIST",
                     "location":{"id":"LOC1","type":"ON_STREET","address":"Stationsplein 1","city":"Utrecht","postal_code":"3511 ED",
                      "country":"NLD","coordinates":{"latitude":"52.089444","longitude":"5.110278"},
                      "evses":[{"uid":"EVSE1","evse_id":"NL*ADC*E1","status":"AVAILABLE","last_updated":"2024-01-01T09:00:00Z",
                       "connectors":[{"id":"1","standard":"IEC_62196_T2","format":"SOCKET","power_type":"AC_3_PHASE",
                        "voltage":230,"amperage":32,"last_updated":"2024-01-01T09:00:00Z"}]}],
                      "last_updated":"2024-01-01T09:00:00Z"},
                     "currency":"EUR","charging_periods":[{"start_date_time":"2024-01-01T10:00:00Z","dimensions":[{"type":"ENERGY","volume":10}]}],
                     "total_cost":2.5,"total_energy":10,"total_time":1,"last_updated":"2024-01-01T11:05:00Z"}""".formatted(id211);
            String cdr221 = canonicalCdr("PCP", id221, "\"excl_vat\":2.5,\"incl_vat\":3.03");
            String cdr230 = canonicalCdr("NEW", id230, "\"before_taxes\":2.5,\"taxes\":[{\"name\":\"VAT\",\"amount\":0.53}]");

            AdapterInstance.send("POST", platform.adapter.baseUrl() + "/ocpi/emsp/2.1.1/cdrs", Map.of("Authorization", "Token " + token211), cdr211)
                    .assertStatus(201);
            platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", cdr221).assertStatus(201);
            platform.adapter.ocpi("POST", "/ocpi/emsp/2.3.0/cdrs", token230, cdr230).assertStatus(201);

            // Billing
            await().atMost(Duration.ofSeconds(20)).until(() -> lineItems(id211) + lineItems(id221) + lineItems(id230) == 3);
            Map<String, Object> row211 = lineItem(id211);
            Map<String, Object> row221 = lineItem(id221);
            Map<String, Object> row230 = lineItem(id230);
            assertThat(row221).containsEntry("cpo_party_id", "PCP").containsEntry("token_uid", "T1");
            assertThat(((Number) row221.get("amount_incl_vat")).doubleValue()).isEqualTo(3.03);
            assertThat(row211).containsEntry("cpo_party_id", "OLD").containsEntry("token_uid", "NL-ADE-1").containsEntry("amount_incl_vat", null);
            assertThat(row230).containsEntry("cpo_party_id", "NEW");
            assertThat(without(row230, "cdr_id", "cpo_party_id")).isEqualTo(without(row221, "cdr_id", "cpo_party_id"));
            assertThat(without(row211, "cdr_id", "cpo_party_id", "token_uid", "amount_incl_vat"))
                    .isEqualTo(without(row221, "cdr_id", "cpo_party_id", "token_uid", "amount_incl_vat"));

            // SAP
            List<Map<String, Object>> idoc211 = idocSegments(id211);
            List<Map<String, Object>> idoc221 = idocSegments(id221);
            List<Map<String, Object>> idoc230 = idocSegments(id230);
            assertThat(idoc221.get(0)).containsEntry("CDR_ID", id221).containsEntry("CPO_PARTY", "PCP").containsEntry("TOTAL_INCL_VAT", "3.03");
            assertThat(idoc211.get(0)).containsEntry("CDR_ID", id211).containsEntry("CPO_PARTY", "OLD").containsEntry("TOTAL_INCL_VAT", "");
            assertThat(idoc230.get(0)).containsEntry("CDR_ID", id230).containsEntry("CPO_PARTY", "NEW");
            assertThat(without(idoc230, "CDR_ID", "CPO_PARTY")).isEqualTo(without(idoc221, "CDR_ID", "CPO_PARTY"));
            assertThat(without(idoc211, "CDR_ID", "CPO_PARTY", "TOKEN_UID", "TOKEN_TYPE", "TOTAL_INCL_VAT"))
                    .isEqualTo(without(idoc221, "CDR_ID", "CPO_PARTY", "TOKEN_UID", "TOKEN_TYPE", "TOTAL_INCL_VAT"));

            // Kafka: the same canonical CDR, with the version of the partner that sent it
            Map<String, ConsumerRecord<String, String>> records = new HashMap<>();
            for (ConsumerRecord<String, String> record : TestKafka.pollUntil(consumer, Duration.ofSeconds(30),
                    found -> found.stream().map(ConsumerRecord::key).filter(List.of(id211, id221, id230)::contains).distinct().count() == 3)) {
                records.put(record.key(), record);
            }
            assertThat(TestKafka.header(records.get(id211), "OcpiVersion")).isEqualTo("2.1.1");
            assertThat(TestKafka.header(records.get(id221), "OcpiVersion")).isEqualTo("2.2.1");
            assertThat(TestKafka.header(records.get(id230), "OcpiVersion")).isEqualTo("2.3.0");
            assertThat(TestKafka.header(records.get(id211), "OcpiPartyId")).isEqualTo("OLD");
            assertThat(TestKafka.header(records.get(id230), "OcpiPartyId")).isEqualTo("NEW");
            JsonNode body211 = AdapterInstance.JSON.readTree(records.get(id211).value());
            JsonNode body221 = AdapterInstance.JSON.readTree(records.get(id221).value());
            JsonNode body230 = AdapterInstance.JSON.readTree(records.get(id230).value());
            assertThat(body221.get("id").asText()).isEqualTo(id221);
            assertThat(body211.get("cdr_token").toString())
                    .isEqualTo("{\"country_code\":\"NL\",\"party_id\":\"ADE\",\"uid\":\"NL-ADE-1\",\"type\":\"OTHER\",\"contract_id\":\"NL-ADE-1\"}");
            // 2.3.0 names the taxes, which the canonical Price carries beside 2.2.1's amounts.
            assertThat(body230.at("/total_cost/taxes").toString()).isEqualTo("[{\"name\":\"VAT\",\"amount\":0.53}]");
            JsonNode rest230 = without(body230, "id", "party_id");
            ((com.fasterxml.jackson.databind.node.ObjectNode) rest230.get("total_cost")).remove("taxes");
            assertThat(rest230).isEqualTo(without(body221, "id", "party_id"));
            assertThat(without(body211, "id", "party_id", "cdr_token", "total_cost"))
                    .isEqualTo(without(body221, "id", "party_id", "cdr_token", "total_cost"));
            assertThat(body211.at("/total_cost/excl_vat").decimalValue()).isEqualByComparingTo(body221.at("/total_cost/excl_vat").decimalValue());
        }
    }

    /**
     * Our Location, published from the asset register, reaches an eMSP of 2.1.1 and one of 2.3.0 each in its
     * version's shape, pushed and served alike.
     */
    @Test
    void aSiteInTheAssetRegisterReachesEmspsOn211And230EachInItsVersionsShape() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String siteId = "SITE-" + suffix;
        String tariffId = "TARIFF-" + suffix;
        platform.peer.on("/2.2.1/receiver/locations/NL/ADC/" + siteId, Answer.ocpi("null"));
        platform.peer.on("/2.2.1/receiver/tariffs/NL/ADC/" + tariffId, Answer.ocpi("null"));
        try (FakePeer emsp211 = new FakePeer(); FakePeer emsp230 = new FakePeer()) {
            String token211 = register211(emsp211, "OLE", "CPO", "locations");
            String token230 = register230(emsp230, "EMSP", "NEE", "locations");
            String path211 = "/2.1.1/locations/NL/ADC/" + siteId;
            String path230 = "/2.3.0/receiver/locations/NL/ADC/" + siteId;
            emsp211.on(path211, Answer.ocpi("null"));
            emsp230.on(path230, Answer.ocpi("null"));

            writeSite(suffix);
            await().atMost(Duration.ofSeconds(20)).until(() -> emsp211.received(path211).size() == 1 && emsp230.received(path230).size() == 1);

            // 2.1.1 (mod_locations.md): the parking kind as `type`, no publish or owner, voltage and amperage, one tariff_id
            FakePeer.Received put211 = emsp211.received(path211).get(0);
            assertThat(put211.method()).isEqualTo("PUT");
            assertThat(put211.header("Authorization")).isEqualTo("Token token-b-OLE");
            assertThat(put211.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("ocpi-"));
            JsonNode location211 = AdapterInstance.JSON.readTree(put211.body());
            assertThat(location211.get("id").asText()).isEqualTo(siteId);
            assertThat(location211.get("type").asText()).isEqualTo("ON_STREET");
            assertThat(location211.has("parking_type")).isFalse();
            assertThat(location211.has("publish")).isFalse();
            assertThat(location211.has("country_code")).isFalse();
            assertThat(location211.has("party_id")).isFalse();
            assertThat(location211.get("address").asText()).isEqualTo("Stationsplein 1");
            assertThat(location211.get("postal_code").asText()).isEqualTo("3511 ED");
            assertThat(location211.get("time_zone").asText()).isEqualTo("Europe/Amsterdam");
            assertThat(location211.at("/opening_times/twentyfourseven").asBoolean()).isTrue();
            assertThat(location211.get("last_updated").asText()).isEqualTo("2025-02-01T00:00:00Z");
            assertThat(location211.get("evses")).hasSize(2);
            assertThat(location211.at("/evses/0/capabilities").toString()).isEqualTo("[\"RFID_READER\",\"REMOTE_START_STOP_CAPABLE\"]");
            assertThat(location211.at("/evses/1/status").asText()).isEqualTo("PLANNED");
            JsonNode connector211 = location211.at("/evses/0/connectors/0");
            assertThat(connector211.get("voltage").asInt()).isEqualTo(230);
            assertThat(connector211.get("amperage").asInt()).isEqualTo(32);
            assertThat(connector211.get("tariff_id").asText()).isEqualTo(tariffId);
            assertThat(connector211.get("format").asText()).isEqualTo("SOCKET");
            assertThat(connector211.get("power_type").asText()).isEqualTo("AC_3_PHASE");
            assertThat(connector211.has("max_voltage") || connector211.has("max_amperage") || connector211.has("max_electric_power")
                    || connector211.has("tariff_ids")).isFalse();
            assertThat(location211.at("/evses/1/connectors/0/voltage").asInt()).isEqualTo(920);
            assertThat(location211.at("/evses/1/connectors/0/amperage").asInt()).isEqualTo(200);

            // 2.3.0 (as 2.2.1 here): parking_type, publish, the owner, max_voltage, max_amperage, max_electric_power, tariff_ids
            FakePeer.Received put230 = emsp230.received(path230).get(0);
            assertThat(put230.method()).isEqualTo("PUT");
            assertThat(put230.header("Authorization")).isEqualTo("Token " + AdapterInstance.base64("token-b-NEE"));
            JsonNode location230 = AdapterInstance.JSON.readTree(put230.body());
            assertThat(location230.get("country_code").asText()).isEqualTo("NL");
            assertThat(location230.get("party_id").asText()).isEqualTo("ADC");
            assertThat(location230.get("parking_type").asText()).isEqualTo("ON_STREET");
            assertThat(location230.get("publish").asBoolean()).isTrue();
            assertThat(location230.has("type")).isFalse();
            assertThat(location230.get("time_zone").asText()).isEqualTo("Europe/Amsterdam");
            JsonNode connector230 = location230.at("/evses/0/connectors/0");
            assertThat(connector230.get("max_voltage").asInt()).isEqualTo(230);
            assertThat(connector230.get("max_amperage").asInt()).isEqualTo(32);
            assertThat(connector230.get("max_electric_power").asInt()).isEqualTo(22000);
            assertThat(connector230.get("tariff_ids").toString()).isEqualTo("[\"" + tariffId + "\"]");
            assertThat(connector230.has("voltage") || connector230.has("amperage") || connector230.has("tariff_id")).isFalse();

            // Each asks for it on our Sender interface of its version: the same as it was pushed.
            JsonNode served211 = AdapterInstance.send("GET", platform.adapter.baseUrl() + "/ocpi/cpo/2.1.1/locations/" + siteId,
                    Map.of("Authorization", "Token " + token211), null).assertStatus(200).data();
            assertThat(served211).isEqualTo(location211);
            JsonNode served230 = platform.adapter.ocpi("GET", "/ocpi/cpo/2.3.0/locations/" + siteId, token230, null).assertStatus(200).data();
            assertThat(served230).isEqualTo(location230);
        }
    }

    /** A 2.2.1 CDR as {@link Samples#cdr}, at the location of the 2.1.1 one, its total cost as given. */
    private static String canonicalCdr(String owner, String id, String totalCost) {
        return Samples.cdr(owner, id, "ADE")
                .replace("\"city\":\"Utrecht\",", "\"city\":\"Utrecht\",\"postal_code\":\"3511 ED\",")
                .replace("\"total_cost\":{\"excl_vat\":2.5}", "\"total_cost\":{" + totalCost + "}");
    }

    /**
     * A partner of OCPI 2.1.1, party NL*{@code partyId}, registered with us as {@code ourRole} plays towards it,
     * listing its credentials and the given modules at /2.1.1/<module>; answers our token C (sent as it is).
     */
    private static String register211(FakePeer peer, String partyId, String ourRole, String... modules) {
        StringBuilder endpoints = new StringBuilder("{\"identifier\":\"credentials\",\"url\":\"" + peer.url("/2.1.1/credentials") + "\"}");
        for (String module : modules) {
            endpoints.append(",{\"identifier\":\"").append(module).append("\",\"url\":\"").append(peer.url("/2.1.1/" + module)).append("\"}");
        }
        peer.on("/versions", Answer.ocpi("[{\"version\":\"2.1.1\",\"url\":\"" + peer.url("/2.1.1") + "\"}]"));
        peer.on("/2.1.1", Answer.ocpi("{\"version\":\"2.1.1\",\"endpoints\":[" + endpoints + "]}"));
        String tokenA = platform.adapter.admin("POST", "/invitations", Map.of("name", "partner-211-" + partyId, "role", ourRole))
                .assertStatus(200).json().get("token").asText();
        String flat = "{\"token\":\"token-b-" + partyId + "\",\"url\":\"" + peer.url("/versions") + "\","
                + "\"business_details\":{\"name\":\"Partner of 2.1.1\"},\"party_id\":\"" + partyId + "\",\"country_code\":\"NL\"}";
        return AdapterInstance.send("POST", platform.adapter.baseUrl() + "/ocpi/2.1.1/credentials", Map.of("Authorization", "Token " + tokenA), flat)
                .assertStatus(200).data().get("token").asText();
    }

    /**
     * A partner of OCPI 2.3.0 playing {@code role} as party NL*{@code partyId}, listing its credentials and, when
     * given, a Receiver of {@code receiverModule} at /2.3.0/receiver/<module>; answers our token C.
     */
    private static String register230(FakePeer peer, String role, String partyId, String receiverModule) {
        String endpoints = "{\"identifier\":\"credentials\",\"role\":\"SENDER\",\"url\":\"" + peer.url("/2.3.0/credentials") + "\"}"
                + (receiverModule == null ? "" : ",{\"identifier\":\"" + receiverModule + "\",\"role\":\"RECEIVER\",\"url\":\""
                        + peer.url("/2.3.0/receiver/" + receiverModule) + "\"}");
        peer.on("/versions", Answer.ocpi("[{\"version\":\"2.3.0\",\"url\":\"" + peer.url("/2.3.0") + "\"}]"));
        peer.on("/2.3.0", Answer.ocpi("{\"version\":\"2.3.0\",\"endpoints\":[" + endpoints + "]}"));
        String body = "{\"token\":\"token-b-" + partyId + "\",\"url\":\"" + peer.url("/versions") + "\",\"roles\":["
                + "{\"role\":\"" + role + "\",\"party_id\":\"" + partyId + "\",\"country_code\":\"NL\",\"business_details\":{\"name\":\"Partner of 2.3.0\"}}]}";
        return platform.adapter.ocpi("POST", "/ocpi/2.3.0/credentials", platform.adapter.invite("partner-230-" + partyId), body)
                .assertStatus(200).data().get("token").asText();
    }

    static Map<String, Object> lineItem(String cdrId) {
        return billing.queryForMap("""
                SELECT cpo_country_code, cpo_party_id, cdr_id, contract_id, token_uid, started_at, ended_at, energy_kwh, currency,
                       amount_excl_vat, amount_incl_vat, location_id, evse_id
                FROM billing_line_item WHERE cdr_id = ?""", cdrId);
    }

    /** The segments of the one IDoc written for that CDR, each as its fields and its name (under "segment"). */
    static List<Map<String, Object>> idocSegments(String cdrId) throws IOException {
        Path outbound = sftpRoot.resolve("home/outbound");
        await().atMost(Duration.ofSeconds(20)).until(() -> idocFiles(outbound).stream().anyMatch(f -> read(f).contains(cdrId)));
        Path file = idocFiles(outbound).stream().filter(f -> read(f).contains(cdrId)).findFirst().orElseThrow();
        List<Idoc> idocs = IdocFlatFile.parse(read(file), IdocType.read(Path.of("mappings/idoc/ZOCPICDR01.yaml")));
        assertThat(idocs).hasSize(1);
        return idocs.get(0).segments().stream().map(s -> {
            Map<String, Object> fields = new java.util.LinkedHashMap<>(s.fields());
            fields.put("segment", s.name());
            return fields;
        }).toList();
    }

    static Map<String, Object> without(Map<String, Object> row, String... fields) {
        Map<String, Object> rest = new java.util.LinkedHashMap<>(row);
        List.of(fields).forEach(rest::remove);
        return rest;
    }

    static List<Map<String, Object>> without(List<Map<String, Object>> segments, String... fields) {
        return segments.stream().map(segment -> without(segment, fields)).toList();
    }

    static JsonNode without(JsonNode object, String... fields) {
        com.fasterxml.jackson.databind.node.ObjectNode rest = object.deepCopy();
        rest.remove(List.of(fields));
        return rest;
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /**
     * Site SITE-{@code suffix} in the asset register, two charge points (A in service, B planned; A with two
     * connectors, the first priced by tariff TARIFF-{@code suffix}), written in one transaction, as the asset register
     * writes a site: the poller sees the whole site or none of it.
     */
    static void writeSite(String suffix) {
        String siteId = "SITE-" + suffix;
        String tariffId = "TARIFF-" + suffix;
        inOneTransaction(() -> {
            billing.update("""
                    INSERT INTO billing_tariff (tariff_id, currency, tariff_type, description, changed_at)
                    VALUES (?, 'EUR', 'REGULAR', 'Day and night', TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00')""", tariffId);
            billing.update("INSERT INTO billing_tariff_element (tariff_id, element_no, start_time, end_time, days_of_week) VALUES (?, 1, '07:00', '23:00', 'MONDAY, FRIDAY')", tariffId);
            billing.update("INSERT INTO billing_tariff_element (tariff_id, element_no) VALUES (?, 2)", tariffId);
            billing.update("INSERT INTO billing_tariff_price (tariff_id, element_no, dimension, price, vat_percent, step_size) VALUES (?, 1, 'ENERGY', 0.39, 21, 1)", tariffId);
            billing.update("INSERT INTO billing_tariff_price (tariff_id, element_no, dimension, price, vat_percent, step_size) VALUES (?, 1, 'PARKING_TIME', 1.5, 21, 60)", tariffId);
            billing.update("INSERT INTO billing_tariff_price (tariff_id, element_no, dimension, price, step_size) VALUES (?, 2, 'ENERGY', 0.29, 1)", tariffId);
            billing.update("""
                    INSERT INTO asset_site (site_id, name, street, postal_code, city, country, latitude, longitude, time_zone,
                                            parking_type, public_site, open_24_7, changed_at)
                    VALUES (?, 'Depot', 'Stationsplein 1', '3511 ED', 'Utrecht', 'NLD', '52.089400', '5.107700', 'Europe/Amsterdam',
                            'ON_STREET', TRUE, TRUE, TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00')""", siteId);
            for (String evse : List.of("A", "B")) {
                billing.update("""
                        INSERT INTO asset_charge_point (evse_uid, site_id, evse_id, asset_state, capabilities, physical_reference, changed_at)
                        VALUES (?, ?, ?, ?, 'RFID_READER, REMOTE_START_STOP_CAPABLE', ?, TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00')""",
                        siteId + "-" + evse, siteId, "NL*ADC*E" + suffix + evse, evse.equals("A") ? "IN_SERVICE" : "PLANNED", evse);
            }
            billing.update("""
                    INSERT INTO asset_connector (evse_uid, connector_id, standard, cable, power_type, max_voltage, max_amperage, max_power_w, tariff_id, changed_at)
                    VALUES (?, '1', 'IEC_62196_T2', FALSE, 'AC_3_PHASE', 230, 32, 22000, ?, TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00')""", siteId + "-A", tariffId);
            billing.update("""
                    INSERT INTO asset_connector (evse_uid, connector_id, standard, cable, power_type, max_voltage, max_amperage, tariff_id, changed_at)
                    VALUES (?, '2', 'DOMESTIC_F', FALSE, 'AC_1_PHASE', 230, 16, NULL, TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00')""", siteId + "-A");
            billing.update("""
                    INSERT INTO asset_connector (evse_uid, connector_id, standard, cable, power_type, max_voltage, max_amperage, tariff_id, changed_at)
                    VALUES (?, '1', 'IEC_62196_T2_COMBO', TRUE, 'DC', 920, 200, NULL, TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00')""", siteId + "-B");
        });
    }

    /** Written under a temporary name, then renamed, as a well-behaved sender does. */
    static void drop(String name, String content) throws IOException {
        Path inbound = sftpRoot.resolve("home/inbound");
        Path part = inbound.resolve(name + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, inbound.resolve(name));
    }

    static Map<String, String> segment(Idoc idoc, String name) {
        return idoc.segments().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().fields();
    }

    static String scrape() {
        return AdapterInstance.send("GET", platform.adapter.baseUrl() + "/actuator/prometheus", Map.of(), null).assertStatus(200).body();
    }

    static int lineItems(String cdrId) {
        return billing.queryForObject("SELECT COUNT(*) FROM billing_line_item WHERE cdr_id = ?", Integer.class, cdrId);
    }

    static List<Path> idocFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".idoc")).toList();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void inOneTransaction(Runnable writes) {
        new TransactionTemplate(new DataSourceTransactionManager(billing.getDataSource())).executeWithoutResult(status -> writes.run());
    }
}
