package io.ocpi.adapter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, which the test may stop and start (unlike the shared one of
 * {@code OCPI_TEST_POSTGRES_URL}): a cluster made with {@code initdb} in a temporary folder, run by {@code pg_ctl} on a
 * free loopback port, with trust authentication for the user {@code ocpi}. PostgreSQL refuses to run as root, so as
 * root the folder belongs to, and the commands run as, the {@code postgres} OS user.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final String USER = "ocpi";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path bin;
    private final Path folder;
    private final int port;

    private PrivatePostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** The newest installed PostgreSQL's programs ({@code /usr/lib/postgresql/<major>/bin}), if any. */
    public static Optional<Path> binaries() {
        Path installs = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(installs)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(installs)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing((Path bin) -> majorOf(bin.getParent().getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a new cluster and starts it. */
    public static PrivatePostgres start() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("no PostgreSQL installed under /usr/lib/postgresql"));
        try {
            Path folder = Files.createTempDirectory("ocpi-postgres-");
            PrivatePostgres server = new PrivatePostgres(bin, folder, Ports.free());
            if (ROOT) {
                server.run("chown", "postgres:", folder.toString());
            }
            server.runAsOwner(bin.resolve("initdb").toString(), "-D", server.data().toString(), "-U", USER, "--auth=trust",
                    "--encoding=UTF8", "--no-sync");
            server.start0();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> settings() {
        return Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres?currentSchema=ocpi",
                "spring.datasource.username", USER,
                "spring.datasource.password", "",
                "spring.flyway.schemas", "ocpi",
                "spring.flyway.default-schema", "ocpi");
    }

    /** Kills the server as a crash would: {@code pg_ctl stop -m immediate} (no checkpoint, connections cut). */
    public void crash() {
        runAsOwner(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts it again on the same port and data (it recovers from its write-ahead log). */
    public void restart() {
        start0();
    }

    private void start0() {
        // The socket goes into our folder: /var/run/postgresql belongs to the machine's own server.
        runAsOwner(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", folder.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    private Path data() {
        return folder.resolve("data");
    }

    @Override
    public void close() {
        try {
            runAsOwner(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void runAsOwner(String... command) {
        if (!ROOT) {
            run(command);
            return;
        }
        List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(List.of(command));
        run(asPostgres.toArray(String[]::new));
    }

    private void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            // pg_ctl start leaves the server running with our pipe; its output goes to the log file, so reading
            // until the end of pg_ctl's own output is safe.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output + serverLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String serverLog() {
        try {
            Path log = folder.resolve("server.log");
            return Files.exists(log) ? "\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int majorOf(String version) {
        try {
            return Integer.parseInt(version.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
