package io.ocpi.adapter.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.modules.credentials.CredentialsHandshake;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.ServedVersions;
import io.ocpi.adapter.protocol.client.OcpiClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar ocpi-adapter.jar --probe-peer <versions URL> --token <token A> [--party CC*PID] [--page-size N]
 * [--version V] [--role CPO|EMSP] [--json] [--<setting>=<value> ...]}: registers in the highest OCPI version both
 * speak, or in {@code --version}, checks a partner's platform against that version before go-live and prints what
 * conforms and what deviates, check by check, each with the version it was held to (see {@link PeerConformance}).
 * Towards a peer of 2.1.1, where a party has one role, it plays our {@code --role}. Exit code 0: it conforms; 1: it
 * deviates; 2: it could not be registered with, or the command was wrong.
 *
 * <p>The probe is an adapter of its own, started for the run: the adapter's configuration (its parties, unless
 * {@code --party} names a test party playing CPO and eMSP; its client settings, e.g. the trust store) on an
 * in-memory database, with the bindings and integration routes off, on a free port of this host
 * ({@code --server.port}, and {@code --ocpi.public-url} where the partner reaches it, since the partner reads our
 * versions during the handshake). The adapter's own database and registrations are never touched.
 */
public final class PeerProbe {

    private static final Pattern PARTY = Pattern.compile("([A-Za-z]{2})\\*([A-Za-z0-9]{3})");
    private static final String USAGE = "usage: java -jar ocpi-adapter.jar --probe-peer <versions URL> --token <token A>"
            + " [--party CC*PID] [--page-size N] [--version V] [--role CPO|EMSP] [--json] [--server.port=N --ocpi.public-url=URL ...]";

    private PeerProbe() {
    }

    /** Runs the probe on an adapter of its own, {@code adapter} (the application class), started for the length of the run. */
    public static int run(Class<?> adapter, String[] args, PrintStream out, PrintStream err) {
        String versionsUrl = null;
        String token = null;
        String party = null;
        int pageSize = 10;
        VersionNumber version = null;
        Role role = null;
        boolean asJson = false;
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--probe-peer" -> versionsUrl = args[++i];
                    case "--token" -> token = args[++i];
                    case "--party" -> party = args[++i];
                    case "--page-size" -> pageSize = Integer.parseInt(args[++i]);
                    case "--json" -> asJson = true;
                    case "--version" -> {
                        String text = args[++i];
                        version = VersionNumber.of(text).orElseThrow(() -> new IllegalArgumentException("--version " + text
                                + ": expected one of " + java.util.List.of(VersionNumber.values())));
                    }
                    case "--role" -> {
                        String text = args[++i];
                        if (!text.equals("CPO") && !text.equals("EMSP")) {
                            throw new IllegalArgumentException("--role " + text + ": expected CPO or EMSP");
                        }
                        role = Role.valueOf(text);
                    }
                    default -> {
                        if (!arg.startsWith("--") || !arg.contains("=")) {
                            throw new IllegalArgumentException("unknown argument " + arg);
                        }
                        settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                    }
                }
            }
            if (versionsUrl == null || token == null) {
                throw new IllegalArgumentException("--probe-peer and --token are required");
            }
            if (pageSize < 1) {
                throw new IllegalArgumentException("--page-size must be at least 1");
            }
            if (party != null && !PARTY.matcher(party).matches()) {
                throw new IllegalArgumentException("--party " + party + ": expected a country code and party id, e.g. NL*PRB");
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println(e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value" : e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ProbeReport report = new ProbeReport(versionsUrl);
        try (ConfigurableApplicationContext probe = new SpringApplicationBuilder(adapter)
                .run(arguments(probeSettings(party, settings)))) {
            ObjectMapper json = probe.getBean(ObjectMapper.class);
            new PeerConformance(probe.getBean(CredentialsHandshake.class), probe.getBean(OcpiClient.class), probe.getBean(OcpiBodies.class),
                    probe.getBean(Platform.class), probe.getBean(OcpiUrls.class), probe.getBean(ServedVersions.class), json, report, pageSize)
                    .run(versionsUrl, token, version, role);
            if (asJson) {
                report.printJson(out, json);
            } else {
                report.printText(out);
            }
        } catch (RuntimeException e) {
            err.println("the probe failed: " + e);
            return 2;
        }
        return report.exitCode();
    }

    /**
     * The settings of the probe's adapter: what makes it a short-lived, self-contained one, then the operator's
     * command-line settings over them.
     */
    private static Map<String, String> probeSettings(String party, Map<String, String> operator) {
        Map<String, String> settings = new LinkedHashMap<>();
        String run = "ocpi-probe-" + UUID.randomUUID();
        settings.put("spring.datasource.url", "jdbc:h2:mem:" + run + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        settings.put("spring.datasource.username", "sa");
        settings.put("spring.datasource.password", "");
        String port = operator.getOrDefault("server.port", String.valueOf(freePort()));
        settings.put("server.port", port);
        settings.put("ocpi.public-url", "http://localhost:" + port);
        settings.put("camel.main.name", "ocpi-probe");
        // No integration routes: an empty folder of them.
        String folder = temporaryFolder(run);
        settings.put("camel.main.routes-include-pattern", "file:" + folder + "/*.camel.yaml");
        settings.put("camel.main.routes-reload-enabled", "false");
        settings.put("camel.cluster.file.root", folder);
        settings.put("ocpi.pull.enabled", "false");
        settings.put("ocpi.bindings.billing.enabled", "false");
        settings.put("ocpi.bindings.sftp.enabled", "false");
        settings.put("ocpi.bindings.sftp.embedded.enabled", "false");
        settings.put("ocpi.bindings.kafka.enabled", "false");
        settings.put("management.endpoints.web.exposure.include", "health");
        // The report is the output: the adapter's log lines only when asked for (--logging.level.root=INFO).
        settings.put("logging.level.root", "OFF");
        if (party != null) {
            Matcher matcher = PARTY.matcher(party);
            matcher.matches();
            String[] roles = {"CPO", "EMSP"};
            for (int i = 0; i < roles.length; i++) {
                settings.put("ocpi.roles[" + i + "].role", roles[i]);
                settings.put("ocpi.roles[" + i + "].country-code", matcher.group(1).toUpperCase());
                settings.put("ocpi.roles[" + i + "].party-id", matcher.group(2).toUpperCase());
                settings.put("ocpi.roles[" + i + "].business-details.name", "OCPI conformance probe");
            }
        }
        settings.putAll(operator);
        return settings;
    }

    private static String[] arguments(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String temporaryFolder(String name) {
        try {
            return Files.createTempDirectory(name).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
