package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

/**
 * An adapter on its embedded SFTP server, probed for readiness, with the SAP route file reloaded and then stopped,
 * writes no warning an operator would worry about where nothing is wrong.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogNoiseTest {

    @Test
    void startReadinessChecksAndAReloadLogNoFalseAlarms(@TempDir Path site, CapturedOutput log) throws Exception {
        FileSystemUtils.copyRecursively(Path.of("routes"), site.resolve("routes"));
        Map<String, Object> settings = new HashMap<>();
        settings.put("camel.main.routes-include-pattern", "file:" + site.resolve("routes") + "/*.camel.yaml");
        settings.put("camel.main.routes-reload-directory", site.resolve("routes").toString());
        settings.put("ocpi.bindings.sftp.enabled", true);
        settings.put("ocpi.bindings.sftp.embedded.enabled", true);
        settings.put("ocpi.bindings.sftp.embedded.root", site.resolve("sftp").toString());
        settings.put("ocpi.bindings.sftp.port", Ports.free());
        settings.put("ocpi.bindings.sftp.poll-interval", 500);
        settings.put("camel.cluster.file.acquire-lock-interval", "1s");
        try (AdapterInstance adapter = AdapterInstance.start("quiet", "NL", "QU", settings)) {
            for (int check = 0; check < 3; check++) {
                assertThat(AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/health/readiness", Map.of(), null).status()).isEqualTo(200);
            }
            Thread.sleep(3000);
            Path routes = site.resolve("routes/sap.camel.yaml");
            int before = log.getOut().length();
            Files.writeString(routes, Files.readString(routes) + "\n# changed\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> log.getOut().substring(before).contains("sap.camel.yaml reloaded"));
            Thread.sleep(3000);
            assertThat(AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/health/readiness", Map.of(), null).status()).isEqualTo(200);
        }
        assertThat(log.getOut()).doesNotContain("Permanently added", "does not have more budget", "still have", "ClosedChannelException");
    }
}
