package io.ocpi.adapter.support;

import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.AdapterApplication;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An adapter in a JVM of its own, for tests that must kill it the way a host failure does (SIGKILL: no shutdown
 * hook, no graceful stop) and start it again on the same database and port. Its output goes to a log file.
 */
public final class AdapterProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AdapterProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts it with these settings ({@link AdapterInstance#settings}; server.port set) and waits until it is ready. */
    public static AdapterProcess start(Map<String, Object> settings, Path log) {
        int port = Integer.parseInt(settings.get("server.port").toString());
        return start(Path.of(""), port, log, AdapterInstance.arguments(settings));
    }

    /**
     * Starts it in a working directory of its own, as an operator does beside the jar, with these command-line
     * arguments, and waits until it is ready on {@code port}.
     */
    public static AdapterProcess start(Path workingDirectory, int port, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                AdapterApplication.class.getName()));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(workingDirectory.toAbsolutePath().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            AdapterProcess adapter = new AdapterProcess(process, port, log);
            try {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the adapter stopped while starting; the end of its log (" + log + "):\n"
                                + String.join("\n", lastLines(log, 20)));
                    }
                    return adapter.ready();
                });
            } catch (RuntimeException | Error notReady) {
                process.destroyForcibly();
                throw notReady;
            }
            return adapter;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lastLines(Path file, int count) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    public boolean ready() {
        try {
            return AdapterInstance.send("GET", baseUrl() + "/actuator/health/readiness", Map.of(), null).status() == 200;
        } catch (IllegalStateException notListeningYet) {
            return false;
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Reply admin(String method, String path, Object body) {
        return AdapterInstance.send(method, baseUrl() + "/actuator" + path, AdapterInstance.ADMIN_HEADERS, body);
    }

    public Reply ocpi(String method, String path, String token, Object body) {
        return AdapterInstance.send(method, baseUrl() + path, Map.of("Authorization", "Token " + AdapterInstance.base64(token)), body);
    }

    /** SIGKILL, as the kernel or an orchestrator does to a process that has to go now. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
