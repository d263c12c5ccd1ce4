package io.ocpi.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterProcess;
import io.ocpi.adapter.support.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

/**
 * The README's "Try it: two platforms shake hands": the adapter on its embedded defaults and a second one with the
 * profile {@code second}, started from one folder as the README's commands do, run side by side and register with
 * each other.
 */
class TwoPlatformsTest {

    /** What two adapters on one machine cannot share: the ports they listen on and the files they write. */
    static final List<String> OWN_TO_EACH = List.of("server.port", "ocpi.bindings.sftp.port", "spring.datasource.url",
            "ocpi.bindings.sftp.embedded.root", "camel.cluster.file.root");

    @Test
    void theSecondProfileHasPortsAndADataFolderOfItsOwn() {
        Environment first = configuration();
        Environment second = configuration("--spring.profiles.active=second");
        for (String key : OWN_TO_EACH) {
            assertThat(second.getProperty(key)).as(key).isNotNull().isNotEqualTo(first.getProperty(key));
        }
    }

    /**
     * Both started as the README says, but on ports free at the moment (the shipped ones may be taken on a machine
     * that runs tests): each must become ready, keep its files under its own data folder, and the handshake work.
     */
    @Test
    void theWalkthroughsTwoAdaptersRunSideBySideAndShakeHands(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path site) throws Exception {
        for (String folder : new String[] {"config", "routes", "mappings"}) {
            FileSystemUtils.copyRecursively(Path.of(folder), site.resolve(folder));
        }
        int firstPort = Ports.free();
        int secondPort = Ports.free();
        try (AdapterProcess first = AdapterProcess.start(site, firstPort, site.resolve("first.log"),
                "--server.port=" + firstPort, "--ocpi.bindings.sftp.port=" + Ports.free(),
                "--ocpi.client.allowed-networks=127.0.0.0/8,::1/128");
                AdapterProcess second = AdapterProcess.start(site, secondPort, site.resolve("second.log"),
                        "--spring.profiles.active=second", "--server.port=" + secondPort, "--ocpi.bindings.sftp.port=" + Ports.free())) {
            JsonNode invitation = admin(first, "POST", "/invitations", Map.of("name", "second")).json();
            AdapterInstance.Reply registered = admin(second, "POST", "/peers", Map.of(
                    "url", invitation.path("versions_url").asText(), "token", invitation.path("token").asText(), "name", "first"));
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            for (AdapterProcess adapter : new AdapterProcess[] {first, second}) {
                assertThat(admin(adapter, "GET", "/peers", null).json().findValuesAsText("status")).containsExactly("REGISTERED");
            }

            for (String folder : new String[] {"data/sftp/inbound", "data/second/sftp/inbound", "data/cluster", "data/second/cluster"}) {
                assertThat(site.resolve(folder)).isDirectory();
            }
            assertThat(Files.list(site.resolve("data/second")).map(f -> f.getFileName().toString())).anyMatch(f -> f.startsWith("ocpi-adapter"));
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> first.ready() && second.ready());
        }
    }

    /** The configuration the adapter reads from ./config with these arguments. */
    private static Environment configuration(String... arguments) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwoPlatformsTest.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(arguments)) {
            return context.getEnvironment();
        }
    }

    /** The admin API with the README's credentials, the shipped ones. */
    private static AdapterInstance.Reply admin(AdapterProcess adapter, String method, String path, Object body) {
        return AdapterInstance.send(method, adapter.baseUrl() + "/actuator" + path,
                Map.of("Authorization", "Basic " + AdapterInstance.base64("admin:change-me")), body);
    }
}
