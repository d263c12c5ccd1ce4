package io.ocpi.adapter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ocpi.adapter.bindings.sftp.EmbeddedSftpServer;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Ports;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.SapBindingSettings;
import io.ocpi.adapter.support.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every metric the Grafana dashboard (deploy/grafana/ocpi-adapter.json) and the alert rules
 * (deploy/prometheus/alerts.yaml) ask for is one the adapter exports: an adapter with its billing and Kafka bindings
 * serves a peer, answers an authorization, pushes to a peer that refuses and one that is away, turns a Kafka record it
 * cannot read into a dead letter and refuses a file from SAP that is no IDoc; then its /actuator/prometheus is read
 * for each name the queries use.
 */
class DashboardMetricsTest {

    static final Path DASHBOARD = Path.of("deploy/grafana/ocpi-adapter.json");
    static final Path ALERTS = Path.of("deploy/prometheus/alerts.yaml");

    @TempDir
    Path sftpRoot;

    @Test
    void everyMetricThePanelsAndAlertsQueryIsScrapedFromARunningAdapter() throws Exception {
        Map<String, List<String>> queries = queries();
        assertThat(queries).as("panels and alerts").hasSizeGreaterThan(20);
        int sftpPort = Ports.free();
        EmbeddedSftpServer sftp = new EmbeddedSftpServer(sftpPort, sftpRoot.resolve("home"), SapBindingSettings.USER, SapBindingSettings.PASSWORD,
                List.of("inbound", "outbound"));
        sftp.start();
        try (TestKafka kafka = new TestKafka("cpms.evse-status", "cpms.evse-status.dlt", "ocpi.received.cdrs")) {
            Map<String, Object> settings = SapBindingSettings.on(sftpPort);
            settings.put("ocpi.push.poll-interval", "100ms");
            settings.put("ocpi.bindings.billing.enabled", true);
            settings.put("ocpi.bindings.billing.poll-interval", 300);
            settings.put("ocpi.bindings.kafka.enabled", true);
            settings.put("ocpi.bindings.kafka.brokers", kafka.bootstrap());
            PeerPlatform platform = PeerPlatform.start("dashboard", settings);
            try {
                sendTraffic(platform, kafka);
                // A file SAP sent that is no IDoc: refused, and counted for the IDoc panel and alert.
                Files.writeString(sftpRoot.resolve("home/inbound/broken.idoc"), "not an IDoc\n");
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        Pattern.compile("ocpi_idoc_files_total\\{direction=\"refused\"[^}]*} 1(\\.0)?\\b").matcher(scrape(platform.adapter)).find());
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    Set<String> scraped = metricNames(scrape(platform.adapter));
                    List<String> missing = new ArrayList<>();
                    queries.forEach((where, exprs) -> exprs.forEach(expr -> metricsOf(expr).stream()
                            .filter(name -> !scraped.contains(name)).forEach(name -> missing.add(name + " (" + where + ")"))));
                    assertThat(missing).as("metrics queried but not exported").isEmpty();
                });
            } finally {
                platform.close();
            }
        } finally {
            sftp.stop();
        }
    }

    /** Requests, an authorization, a push refused and one waiting, a Kafka record for the dead-letter topic. */
    static void sendTraffic(PeerPlatform platform, TestKafka kafka) throws Exception {
        String uid = "04DASH0001";
        JdbcTemplate billing = new JdbcTemplate(platform.adapter.bean(DataSource.class));
        billing.update("""
                INSERT INTO billing_contract (contract_id, customer_name, state, balance_due, changed_at)
                VALUES ('NL-ADE-DASH1', 'E. Smit', 'ACTIVE', 0, CURRENT_TIMESTAMP)""");
        billing.update("INSERT INTO billing_card (uid, contract_id, card_type, changed_at) VALUES (?, 'NL-ADE-DASH1', 'RFID', CURRENT_TIMESTAMP)", uid);
        // Known once the billing poller has published the card as a Token.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                platform.call("POST", "/ocpi/emsp/2.2.1/tokens/" + uid + "/authorize", Map.of("location_id", "LOC1")).status() == 200);
        platform.call("GET", "/ocpi/emsp/2.2.1/tokens/NL/ADE/UNKNOWN", null);
        platform.peer.on("/2.2.1/receiver/locations/NL/ADC/REFUSED", new Answer(400,
                "{\"status_code\":2001,\"status_message\":\"not what we expected\",\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of()));
        platform.peer.on("/2.2.1/receiver/locations/NL/ADC/AWAY", new Answer(503, "", Map.of()));
        platform.publish("locations", Samples.location("REFUSED", "2024-01-01T00:00:00Z"));
        platform.publish("locations", Samples.location("AWAY", "2024-01-01T00:00:00Z"));
        platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", "CDR-DASH-1", "ADE")).assertStatus(201);
        try (var producer = kafka.producer()) {
            producer.send(new ProducerRecord<>("cpms.evse-status", "EVSE-1", "{not json")).get();
        }
    }

    /** The PromQL expressions of each panel and alert rule, by where they are. */
    static Map<String, List<String>> queries() throws IOException {
        Map<String, List<String>> queries = new LinkedHashMap<>();
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            List<String> exprs = new ArrayList<>();
            panel.path("targets").forEach(target -> exprs.add(target.path("expr").asText()));
            if (!panel.path("type").asText().equals("row")) {
                assertThat(exprs).as("panel %s", panel.path("title").asText()).isNotEmpty();
                queries.put("panel " + panel.path("title").asText(), exprs);
            }
        }
        for (JsonNode group : new YAMLMapper().readTree(ALERTS.toFile()).path("groups")) {
            group.path("rules").forEach(rule -> queries.put("alert " + rule.path("alert").asText(), List.of(rule.path("expr").asText())));
        }
        return queries;
    }

    static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
            "unless", "bool", "offset", "inf", "nan");

    /** The metric names a PromQL expression reads: what is left once strings, label sets, ranges, groupings and functions are taken out. */
    static Set<String> metricsOf(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
        while (identifier.find()) {
            if (identifier.group(2) == null && !PROMQL_WORDS.contains(identifier.group(1).toLowerCase())) {
                names.add(identifier.group(1));
            }
        }
        assertThat(names).as("metrics in %s", expr).isNotEmpty();
        return names;
    }

    static String scrape(AdapterInstance adapter) {
        return AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/prometheus", Map.of(), null).assertStatus(200).body();
    }

    /** The names of the series in a scrape. */
    static Set<String> metricNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
