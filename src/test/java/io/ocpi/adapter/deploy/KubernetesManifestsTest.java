package io.ocpi.adapter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests in deploy/kubernetes/ against what the adapter reads: its ports, probe paths, folders and environment
 * variables as application.yaml, the configuration profiles, the Dockerfile and the README name them, so that none of
 * them drifts from the others.
 */
class KubernetesManifestsTest {

    static final Path FOLDER = Path.of("deploy/kubernetes");
    static final YAMLMapper YAML = new YAMLMapper();
    static final String HOME = "/opt/ocpi-adapter";

    static JsonNode kustomization;
    static List<JsonNode> manifests = new ArrayList<>();
    static JsonNode deployment;
    static JsonNode pod;
    static JsonNode adapter;

    @BeforeAll
    static void readManifests() throws IOException {
        kustomization = YAML.readTree(FOLDER.resolve("kustomization.yaml").toFile());
        try (Stream<Path> files = Files.list(FOLDER)) {
            List<String> yaml = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).sorted().toList();
            assertThat(texts(kustomization.path("resources"))).as("every manifest is in the kustomization").containsExactlyInAnyOrderElementsOf(yaml);
        }
        for (String resource : texts(kustomization.path("resources"))) {
            manifests.addAll(YAML.readerFor(JsonNode.class).<JsonNode>readValues(FOLDER.resolve(resource).toFile()).readAll());
        }
        deployment = only("Deployment");
        pod = deployment.at("/spec/template/spec");
        adapter = container(pod.path("containers"), "ocpi-adapter");
    }

    @Test
    void twoReplicasOfTheImageRollOneAtATimeAndADisruptionLeavesOne() {
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
        JsonNode budget = only("PodDisruptionBudget");
        assertThat(budget.at("/spec/minAvailable").asInt()).isBetween(1, 1);
        assertThat(budget.at("/spec/selector/matchLabels")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        assertThat(fields(deployment.at("/spec/template/metadata/labels"))).containsAllEntriesOf(fields(deployment.at("/spec/selector/matchLabels")));
    }

    @Test
    void portsAreThoseTheAdapterListensOnAndTheServicesReachThem() throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        adapter.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        // The OCPI port: server.port, which the image sets with SERVER_PORT and exposes.
        assertThat(ports.get("ocpi")).isEqualTo(Integer.parseInt(env(adapter, "SERVER_PORT")))
                .isEqualTo(Integer.parseInt(dockerfileValue("EXPOSE\\s+(\\d+)")))
                .isEqualTo(Integer.parseInt(dockerfileValue("SERVER_PORT=(\\d+)")));
        // The admin port: management.server.port of the production profile, from OCPI_MANAGEMENT_PORT.
        assertThat(Files.readString(Path.of("config/application-production.yaml"))).contains("port: ${OCPI_MANAGEMENT_PORT:");
        assertThat(ports.get("management")).isEqualTo(Integer.parseInt(env(adapter, "OCPI_MANAGEMENT_PORT")));
        for (JsonNode service : all("Service")) {
            assertThat(fields(deployment.at("/spec/template/metadata/labels"))).containsAllEntriesOf(fields(service.at("/spec/selector")));
            for (JsonNode port : service.at("/spec/ports")) {
                assertThat(ports).as("Service %s", service.at("/metadata/name").asText()).containsKey(port.path("targetPort").asText());
            }
        }
        assertThat(all("Service")).extracting(s -> s.at("/spec/ports/0/targetPort").asText()).containsExactlyInAnyOrder("ocpi", "management");
        assertThat(deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText()).isEqualTo(ports.get("management").toString());
    }

    @Test
    void probesAskTheActuatorsHealthGroupsOnTheAdminPort() throws IOException {
        JsonNode health = YAML.readTree(Path.of("src/main/resources/application.yaml").toFile()).at("/management/endpoint/health");
        assertThat(health.at("/probes/enabled").asBoolean()).isTrue();
        Map<String, String> probes = Map.of("livenessProbe", "liveness", "readinessProbe", "readiness", "startupProbe", "liveness");
        probes.forEach((probe, group) -> {
            assertThat(health.at("/group/" + group).isObject()).as("health group %s", group).isTrue();
            assertThat(adapter.at("/" + probe + "/httpGet/path").asText()).as(probe).isEqualTo("/actuator/health/" + group);
            assertThat(adapter.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("management");
        });
        assertThat(deployment.at("/spec/template/metadata/annotations/prometheus.io~1path").asText()).isEqualTo("/actuator/prometheus");
    }

    @Test
    void theAdapterReadsItsFilesWhereTheImageHasThemAndWritesOnlyTemporaryFiles() throws IOException {
        assertThat(dockerfileValue("WORKDIR\\s+(\\S+)")).isEqualTo(HOME);
        Map<String, JsonNode> mounts = new HashMap<>();
        adapter.path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asText(), m));
        assertThat(mounts).containsOnlyKeys(HOME + "/config", HOME + "/routes", HOME + "/mappings", HOME + "/.ssh", "/tmp");
        mounts.forEach((path, mount) -> assertThat(mount.path("readOnly").asBoolean()).as(path).isEqualTo(!path.equals("/tmp")));
        // Where the adapter reads them: config/ by Spring Boot, routes/ by Camel, mappings/ by the routes, ~/.ssh by SFTP.
        JsonNode defaults = YAML.readTree(Path.of("src/main/resources/application.yaml").toFile());
        assertThat(defaults.at("/camel/main/routes-include-pattern").asText()).startsWith("file:routes/");
        assertThat(defaults.at("/camel/main/routes-reload-directory").asText()).isEqualTo("routes");
        assertThat(defaults.at("/ocpi/bindings/mappings").asText()).isEqualTo("mappings");
        assertThat(dockerfileValue("useradd .*--home-dir\\s+(\\S+)")).isEqualTo(HOME);
        assertThat(Files.readString(Path.of("config/application-production.yaml"))).contains("use-user-known-hosts-file: true");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("PORTFILE=/tmp/");
        // The README's table of container paths names the same folders.
        String readme = Files.readString(Path.of("README.md"));
        for (String folder : List.of("config", "routes", "mappings")) {
            assertThat(readme).contains("`" + HOME + "/" + folder + "`");
        }
        // routes/ and mappings/ are the site-files copy of the ConfigMaps, config/ is its ConfigMap.
        assertThat(mounts.get(HOME + "/routes").path("subPath").asText()).isEqualTo("routes");
        assertThat(mounts.get(HOME + "/mappings").path("subPath").asText()).isEqualTo("mappings");
        assertThat(volume(mounts.get(HOME + "/routes").path("name").asText()).has("emptyDir")).isTrue();
        assertThat(volume(mounts.get(HOME + "/config").path("name").asText()).at("/configMap/name").asText()).isEqualTo("ocpi-adapter-config");
    }

    @Test
    void everyRouteMappingAndProfileIsInAConfigMapMountedWhereTheSiteFilesAreCopiedFrom() throws IOException {
        Map<String, List<String>> generated = new HashMap<>();
        kustomization.path("configMapGenerator").forEach(g -> generated.put(g.path("name").asText(),
                texts(g.path("files")).stream().map(f -> FOLDER.resolve(f).normalize().toString()).toList()));
        generated.values().forEach(files -> files.forEach(f -> assertThat(Path.of(f)).as(f).exists()));
        assertThat(generated.get("ocpi-adapter-config")).containsExactlyInAnyOrder("config/application-production.yaml", "config/application-kubernetes.yaml");
        // Route files and the Kamelets they use (routes/*.kamelet.yaml) are one ConfigMap, copied into routes/.
        assertThat(generated.get("ocpi-adapter-routes")).containsExactlyInAnyOrderElementsOf(files("routes", ".yaml"));
        // Each folder of mappings/ is a ConfigMap (they hold no folders), mounted at its place below the site folder.
        JsonNode copy = container(pod.path("initContainers"), "site-files-copy");
        String from = copy.at("/command/1").asText();
        String to = copy.at("/command/2").asText();
        Map<String, String> mounted = new HashMap<>();
        copy.path("volumeMounts").forEach(m -> mounted.put(m.path("mountPath").asText(), m.path("name").asText()));
        List<String> mappings = new ArrayList<>();
        for (String file : files("mappings", "")) {
            if (file.endsWith("README.md")) {
                continue;
            }
            mappings.add(file);
            Path folder = Path.of(file).getParent();
            String volume = mounted.get(from + "/" + folder);
            assertThat(volume).as("%s is mounted at %s/%s", folder, from, folder).isNotNull();
            assertThat(generated.get(volume(volume).at("/configMap/name").asText())).as(file).contains(file);
        }
        assertThat(generated.entrySet().stream().filter(e -> e.getKey().startsWith("ocpi-adapter-mappings-")).flatMap(e -> e.getValue().stream()))
                .containsExactlyInAnyOrderElementsOf(mappings);
        assertThat(volume(mounted.get(from + "/routes")).at("/configMap/name").asText()).isEqualTo("ocpi-adapter-routes");
        // The copies land in the volume the adapter reads routes/ and mappings/ from, once before it starts and then
        // whenever a ConfigMap changes; routes and mappings keep their names when they change, so they are updated in place.
        assertThat(mounted.get(to)).isEqualTo("site");
        JsonNode sync = container(pod.path("containers"), "site-files");
        assertThat(texts(sync.path("command")).subList(0, 3)).isEqualTo(texts(copy.path("command")));
        assertThat(sync.path("volumeMounts")).isEqualTo(copy.path("volumeMounts"));
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("docker/" + copy.at("/command/0").asText());
        kustomization.path("configMapGenerator").forEach(g -> assertThat(g.at("/options/disableNameSuffixHash").asBoolean())
                .as(g.path("name").asText()).isEqualTo(!g.path("name").asText().equals("ocpi-adapter-config") && g.has("files")));
    }

    @Test
    void everyEnvironmentVariableIsOneTheAdapterReadsAndEveryOneItNeedsIsSet() throws IOException {
        String production = Files.readString(Path.of("config/application-production.yaml"));
        Set<String> read = placeholders(production, false);
        Set<String> required = placeholders(production, true);
        // Read by the image (its entry point and health check) or by Spring Boot itself.
        read.addAll(List.of("JAVA_OPTS", "SERVER_PORT", "SPRING_PROFILES_ACTIVE"));
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("$JAVA_OPTS").contains("SERVER_PORT=");
        Set<String> set = new LinkedHashSet<>();
        adapter.path("env").forEach(e -> set.add(e.path("name").asText()));
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            if (generator.path("name").asText().equals(adapter.at("/envFrom/0/configMapRef/name").asText())) {
                texts(generator.path("literals")).forEach(literal -> set.add(literal.substring(0, literal.indexOf('='))));
            }
        }
        assertThat(read).as("variables the adapter reads").containsAll(set);
        assertThat(set).as("variables the production profile needs").containsAll(required);
        assertThat(env(adapter, "SPRING_PROFILES_ACTIVE").split(",")).containsExactly("production", "kubernetes");
        // The README names the same variables for the container.
        Matcher named = Pattern.compile("`(OCPI_[A-Z_]+)`").matcher(Files.readString(Path.of("README.md")).split("## Container")[1].split("\n## ")[0]);
        while (named.find()) {
            assertThat(read).as("README, Container: %s", named.group(1)).contains(named.group(1));
        }
        // Secrets: each key the pod reads is in the Secret it names, as the example files in secrets/ show them.
        Map<String, Set<String>> secrets = secretKeys();
        assertThat(secrets).containsOnlyKeys("ocpi-adapter-admin", "ocpi-adapter-database", "ocpi-adapter-sftp");
        for (JsonNode variable : adapter.path("env")) {
            JsonNode ref = variable.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                assertThat(secrets.get(ref.path("name").asText())).as(variable.path("name").asText()).contains(ref.path("key").asText());
            }
        }
        assertThat(secrets.get(volume("sftp-known-hosts").at("/secret/secretName").asText()))
                .contains(volume("sftp-known-hosts").at("/secret/items/0/key").asText());
        assertThat(volume("sftp-known-hosts").at("/secret/secretName").asText()).isEqualTo("ocpi-adapter-sftp");
    }

    /** The keys of each Secret the kustomization makes, from the example files of what a site writes in secrets/. */
    static Map<String, Set<String>> secretKeys() throws IOException {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            Set<String> keys = new LinkedHashSet<>();
            for (String env : texts(generator.path("envs"))) {
                Path example = FOLDER.resolve(env + ".example");
                assertThat(example).as("example of %s", env).exists();
                Files.readAllLines(example).stream().filter(line -> line.contains("=") && !line.startsWith("#"))
                        .forEach(line -> keys.add(line.substring(0, line.indexOf('='))));
            }
            for (String file : texts(generator.path("files"))) {
                assertThat(FOLDER.resolve(file + ".example")).as("example of %s", file).exists();
                keys.add(Path.of(file).getFileName().toString());
            }
            secrets.put(generator.path("name").asText(), keys);
        }
        return secrets;
    }

    @Test
    void thePodsRunAsTheImagesUserWithAReadOnlyRootAndAHeapOfAtMost256Mb() throws IOException {
        String uid = dockerfileValue("useradd .*--uid\\s+(\\d+)");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asText()).isEqualTo(uid);
        List<JsonNode> containers = new ArrayList<>();
        pod.path("containers").forEach(containers::add);
        pod.path("initContainers").forEach(containers::add);
        for (JsonNode container : containers) {
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(container.path("name").asText()).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(container.path("name").asText()).isFalse();
            assertThat(texts(container.at("/securityContext/capabilities/drop"))).containsExactly("ALL");
            assertThat(container.path("image").asText()).isEqualTo("ocpi-adapter");
        }
        Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(env(adapter, "JAVA_OPTS"));
        assertThat(heap.find()).isTrue();
        int heapMb = Integer.parseInt(heap.group(1));
        assertThat(heapMb).isLessThanOrEqualTo(256);
        assertThat(env(adapter, "JAVA_OPTS")).contains("-XX:+ExitOnOutOfMemoryError");
        int limitMb = mebibytes(adapter.at("/resources/limits/memory").asText());
        assertThat(limitMb).as("heap, and room beside it for metaspace, code, stacks and buffers").isGreaterThanOrEqualTo(heapMb + 256);
        assertThat(mebibytes(adapter.at("/resources/requests/memory").asText())).isEqualTo(limitMb);
        assertThat(adapter.at("/resources/requests/cpu").asText()).isNotEmpty();
    }

    @Test
    void theServiceAccountMayKeepTheLeasesAndReadThePodsTheLeaderIsChosenAmong() throws IOException {
        String account = pod.path("serviceAccountName").asText();
        assertThat(named("ServiceAccount", account)).isNotNull();
        JsonNode binding = only("RoleBinding");
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(account);
        JsonNode role = named("Role", binding.at("/roleRef/name").asText());
        Map<String, List<String>> granted = new HashMap<>();
        role.path("rules").forEach(rule -> texts(rule.path("resources")).forEach(r -> granted.put(r, texts(rule.path("verbs")))));
        assertThat(granted.get("leases")).contains("get", "create", "update");
        assertThat(granted.get("pods")).contains("get", "list");
        // The kubernetes profile elects among the pods with the Deployment's labels.
        JsonNode cluster = YAML.readTree(Path.of("config/application-kubernetes.yaml").toFile()).at("/camel/cluster");
        assertThat(cluster.at("/kubernetes/enabled").asBoolean()).isTrue();
        assertThat(cluster.at("/file/enabled").asBoolean(true)).isFalse();
        Map<String, String> labels = new HashMap<>();
        cluster.at("/kubernetes/cluster-labels").fields().forEachRemaining(e -> labels.put(e.getKey().replaceAll("^\\[|]$", ""), e.getValue().asText()));
        assertThat(fields(deployment.at("/spec/template/metadata/labels"))).containsAllEntriesOf(labels);
    }

    // --- reading the manifests ------------------------------------------------------------------------------------

    static List<JsonNode> all(String kind) {
        return manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode only(String kind) {
        List<JsonNode> found = all(kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    static JsonNode named(String kind, String name) {
        return all(kind).stream().filter(m -> m.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static JsonNode container(JsonNode containers, String name) {
        for (JsonNode container : containers) {
            if (container.path("name").asText().equals(name)) {
                return container;
            }
        }
        throw new AssertionError("no container " + name);
    }

    static JsonNode volume(String name) {
        return container(pod.path("volumes"), name);
    }

    static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        throw new AssertionError("no " + name + " in " + container.path("name").asText());
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new HashMap<>();
        object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        return fields;
    }

    static List<String> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(Files::isRegularFile).map(Path::toString).filter(f -> f.endsWith(suffix)).sorted().toList();
        }
    }

    /** The environment variables a configuration file reads as {@code ${NAME}}; with {@code required}, those without a default. */
    static Set<String> placeholders(String text, boolean required) {
        Set<String> names = new LinkedHashSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}").matcher(text);
        while (placeholder.find()) {
            if (!required || placeholder.group(2) == null) {
                names.add(placeholder.group(1));
            }
        }
        return names;
    }

    /** The Dockerfile's value for the image that runs: the last match, in the last stage. */
    static String dockerfileValue(String regex) throws IOException {
        Matcher matcher = Pattern.compile(regex).matcher(Files.readString(Path.of("Dockerfile")));
        String value = null;
        while (matcher.find()) {
            value = matcher.group(1);
        }
        assertThat(value).as("Dockerfile: %s", regex).isNotNull();
        return value;
    }

    static int mebibytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(matcher.matches()).as(quantity).isTrue();
        return Integer.parseInt(matcher.group(1)) * (matcher.group(2).equals("Gi") ? 1024 : 1);
    }
}
