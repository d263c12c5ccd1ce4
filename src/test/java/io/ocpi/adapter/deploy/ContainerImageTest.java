package io.ocpi.adapter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.AdapterApplication;
import io.ocpi.adapter.support.AdapterInstance;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Dockerfile, read as an image builder reads it (no container engine needed): base images any builder finds,
 * a build context without the local database, every file it copies present, the site's files read-only to the
 * adapter's user, and a health check that asks the port the adapter really listens on.
 */
class ContainerImageTest {

    static final Path DOCKERFILE = Path.of("Dockerfile");

    /** The Dockerfile's instructions, one per line, continuation lines joined, comments left out. */
    static List<String> instructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                instructions.add(current.append(line).toString().strip());
                current.setLength(0);
            }
        }
        return instructions;
    }

    static List<String> withKeyword(String keyword) throws IOException {
        return instructions().stream().filter(i -> i.startsWith(keyword + " ")).map(i -> i.substring(keyword.length() + 1).strip()).toList();
    }

    @Test
    void baseImagesAreNamedInFullAndPinnedToOnePatchRelease() throws IOException {
        List<String> from = withKeyword("FROM");
        assertThat(from).hasSize(2);
        Pattern pinned = Pattern.compile("docker\\.io/library/eclipse-temurin:(17\\.0\\.\\d+_\\d+)-(jdk|jre)-[a-z]+( AS \\w+)?");
        List<String> releases = new ArrayList<>();
        for (String image : from) {
            Matcher matcher = pinned.matcher(image);
            assertThat(matcher.matches()).as("FROM %s: registry, repository and a patch release named", image).isTrue();
            releases.add(matcher.group(1));
        }
        assertThat(releases).as("build and run on the same release").containsOnly(releases.get(0));
    }

    @Test
    void theBuildContextHoldsWhatTheImageCopiesAndNotTheLocalDatabase() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (String copy : withKeyword("COPY")) {
            if (copy.startsWith("--from=")) {
                continue;
            }
            List<String> words = List.of(copy.split("\\s+"));
            for (String source : words.subList(0, words.size() - 1)) {
                assertThat(Path.of(source)).as("COPY %s", source).exists();
                try (Stream<Path> files = Files.walk(Path.of(source))) {
                    assertThat(files.filter(Files::isRegularFile).map(Path::toString).filter(f -> !ignored(ignore, f)))
                            .as("COPY %s: files in the build context", source).isNotEmpty();
                }
            }
        }
        for (String kept : List.of("src/main/java/io/ocpi/adapter/AdapterApplication.java", "routes/sap.camel.yaml",
                "routes/sap-sftp-sink.kamelet.yaml", "config/application-production.yaml")) {
            assertThat(ignored(ignore, kept)).as(kept).isFalse();
        }
        for (String left : List.of("data", "data/ocpi-adapter.mv.db", "data/sftp/ssh-host-key", "target/ocpi-adapter.jar", ".git",
                "src/test/java", "bench/results", "deploy/kubernetes", "adapter.log")) {
            assertThat(ignored(ignore, left)).as("%s stays out of the build context", left).isTrue();
        }
    }

    /** As Docker reads .dockerignore: the last pattern that matches the path or a folder above it decides. */
    static boolean ignored(List<String> patterns, String path) {
        boolean ignored = false;
        for (String pattern : patterns) {
            boolean exception = pattern.startsWith("!");
            String glob = (exception ? pattern.substring(1) : pattern).replaceAll("/+$", "");
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            for (Path p = Path.of(path); p != null; p = p.getParent()) {
                if (matcher.matches(p)) {
                    ignored = !exception;
                    break;
                }
            }
        }
        return ignored;
    }

    @Test
    void theSiteFilesBelongToRootAndOnlyDataIsTheAdaptersOwn() throws IOException {
        for (String copy : withKeyword("COPY")) {
            assertThat(copy).as("COPY %s", copy).doesNotContain("--chown");
        }
        List<String> chowned = new ArrayList<>();
        Matcher chown = Pattern.compile("chown\\s+(?:-R\\s+)?\\S+\\s+([^&;]+)").matcher(String.join("\n", withKeyword("RUN")));
        while (chown.find()) {
            chowned.addAll(List.of(chown.group(1).strip().split("\\s+")));
        }
        assertThat(chowned).containsExactlyInAnyOrder("data", "cluster");
        assertThat(withKeyword("USER")).containsExactly("ocpi");
    }

    @Test
    void theHealthCheckAsksThePortTheAdapterListensOn(@TempDir Path tmp) throws Exception {
        String check = withKeyword("HEALTHCHECK").get(0).replaceFirst("^.*?\\bCMD\\s+", "");
        Path portFile = tmp.resolve("ocpi-adapter.port");
        // As in the image: PORTFILE set, and the admin port apart from the OCPI port, as the production profile has it.
        System.setProperty("portfile", portFile.toString());
        Map<String, Object> settings = AdapterInstance.settings("container", "NL", "CI", Map.of("management.server.port", 0));
        ConfigurableApplicationContext adapter = AdapterApplication.application().run(AdapterInstance.arguments(settings));
        try {
            assertThat(healthCheck(check, portFile)).as("health check on a ready adapter").isZero();
            String managementPort = Files.readString(tmp.resolve("ocpi-adapter-management.port")).strip();
            assertThat(managementPort).isEqualTo(adapter.getEnvironment().getProperty("local.management.port"));
        } finally {
            adapter.close();
            System.clearProperty("portfile");
        }
        assertThat(healthCheck(check, portFile)).as("health check once the adapter has stopped").isNotZero();
    }

    /** Runs the health check's command as the image runs it, with the environment it sets; answers its exit code. */
    static int healthCheck(String command, Path portFile) throws Exception {
        ProcessBuilder shell = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
        shell.environment().put("PORTFILE", portFile.toString());
        shell.environment().put("SERVER_PORT", "8080");
        shell.environment().put("SPRING_PROFILES_ACTIVE", "production");
        Process process = shell.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        System.out.println("health check: exit " + process.exitValue() + ", " + new String(process.getInputStream().readAllBytes()));
        return process.exitValue();
    }
}
