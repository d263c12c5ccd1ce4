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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                AdapterApplication.class.getName()));
        command.addAll(List.of(AdapterInstance.arguments(settings)));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            AdapterProcess adapter = new AdapterProcess(process, port, log);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the adapter stopped while starting; its log: " + log);
                }
                return adapter.ready();
            });
            return adapter;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean ready() {
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
