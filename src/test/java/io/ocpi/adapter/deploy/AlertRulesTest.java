package io.ocpi.adapter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules in deploy/prometheus/ as Prometheus reads them ({@code promtool check rules}), and their unit tests on
 * made-up series ({@code promtool test rules}): each alert fires when it should and not before. promtool comes with
 * Debian's {@code prometheus} package, which .ci/run installs.
 */
class AlertRulesTest {

    static final Path RULES = Path.of("deploy/prometheus");

    @Test
    void theRulesReadAsPrometheusReadsThem() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yaml")).contains("SUCCESS: 7 rules found");
    }

    @Test
    void eachAlertFiresOnItsSeriesAndNotBefore() throws Exception {
        assertThat(promtool("test", "rules", "alerts.test.yaml")).contains("SUCCESS");
    }

    /** Runs promtool in deploy/prometheus/ and answers its output, failing the test when promtool fails. */
    static String promtool(String... arguments) throws IOException, InterruptedException {
        assumeTrue(installed(), "promtool is not installed (apt-get install prometheus; .ci/run installs it): the alert rules are not checked");
        String[] command = new String[arguments.length + 1];
        command[0] = "promtool";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("promtool " + String.join(" ", arguments) + ":\n" + output);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, "promtool"))) {
                return true;
            }
        }
        return false;
    }
}
