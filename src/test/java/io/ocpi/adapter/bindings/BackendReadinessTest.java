package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.bindings.sftp.EmbeddedSftpServer;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend that is down takes the adapter out of the load balancer: readiness names it, and comes back by itself
 * when the backend does. The SFTP server is a real one stopped and started; the Kafka broker is an address where
 * nothing listens.
 */
class BackendReadinessTest {

    @TempDir
    Path sftpRoot;

    @Test
    void anSftpServerOrKafkaBrokerThatCannotBeReachedMakesTheAdapterNotReady() {
        int sftpPort = Ports.free();
        EmbeddedSftpServer sftp = new EmbeddedSftpServer(sftpPort, sftpRoot.resolve("home"), "sap", "secret", List.of("inbound", "outbound"));
        sftp.start();
        try (AdapterInstance adapter = AdapterInstance.start("readiness", "NL", "RD", Map.of(
                "ocpi.bindings.sftp.enabled", true,
                "ocpi.bindings.sftp.port", sftpPort,
                "ocpi.bindings.sftp.username", "sap",
                "ocpi.bindings.sftp.password", "secret",
                "ocpi.bindings.kafka.enabled", true,
                "ocpi.bindings.kafka.brokers", "127.0.0.1:" + Ports.free()))) {

            JsonNode readiness = readiness(adapter, 503);
            assertThat(readiness.at("/components/sftp/status").asText()).isEqualTo("UP");
            assertThat(readiness.at("/components/kafka/status").asText()).isEqualTo("DOWN");
            assertThat(readiness.at("/components/kafka/details/brokers").asText()).startsWith("127.0.0.1:");
            assertThat(readiness.at("/components/db/status").asText()).isEqualTo("UP");
            // Liveness is not readiness: the adapter is not restarted for a backend that is down.
            AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/health/liveness", Map.of(), null).assertStatus(200);

            sftp.stop();
            JsonNode down = readiness(adapter, 503);
            assertThat(down.at("/components/sftp/status").asText()).isEqualTo("DOWN");
            assertThat(down.at("/components/sftp/details/server").asText()).isEqualTo("localhost:" + sftpPort);

            sftp.start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> readiness(adapter, 503).at("/components/sftp/status").asText().equals("UP"));
        } finally {
            sftp.stop();
        }
    }

    @Test
    void bindingsSwitchedOffAreNotInReadiness() {
        try (AdapterInstance adapter = AdapterInstance.start("readiness-off", "NL", "RO")) {
            JsonNode readiness = readiness(adapter, 200);
            assertThat(readiness.get("status").asText()).isEqualTo("UP");
            assertThat(readiness.get("components").has("sftp")).isFalse();
            assertThat(readiness.get("components").has("kafka")).isFalse();
            assertThat(readiness.get("components").has("billing")).isFalse();
        }
    }

    static JsonNode readiness(AdapterInstance adapter, int expectedStatus) {
        return adapter.admin("GET", "/health/readiness", null).assertStatus(expectedStatus).json();
    }
}
