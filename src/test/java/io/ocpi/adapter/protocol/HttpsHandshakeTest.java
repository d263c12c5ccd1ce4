package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adapters that serve HTTPS themselves and call each other over TLS, with certificates of a CA made for this test
 * (by the JDK's keytool): the server certificate is issued for the host name {@code localhost} only. Two adapters
 * trust the CA (ocpi.client.ssl-bundle); a third serves HTTPS but trusts only the JVM's public CAs; a fourth trusts
 * another CA until its trust file is renewed.
 */
class HttpsHandshakeTest {

    private static final String PASSWORD = "test-store-secret";

    @TempDir
    static Path tls;

    static AdapterInstance alpha;
    static AdapterInstance beta;
    static AdapterInstance untrusting;
    static AdapterInstance renewing;

    @BeforeAll
    static void start() throws Exception {
        System.out.println("HttpsHandshakeTest runs on " + TestDatabase.kind());
        makeCertificates();
        alpha = AdapterInstance.start("tls-alpha", "NL", "TA", settings(true));
        beta = AdapterInstance.start("tls-beta", "DE", "TB", settings(true));
        untrusting = AdapterInstance.start("tls-untrusting", "FR", "TU", settings(false));
        Map<String, Object> renewingSettings = settings(false);
        renewingSettings.put("spring.ssl.bundle.pem.ocpi-peers.truststore.certificate", "file:" + tls.resolve("renewing-trust.crt"));
        renewingSettings.put("spring.ssl.bundle.pem.ocpi-peers.reload-on-update", true);
        renewingSettings.put("spring.ssl.bundle.watch.file.quiet-period", "500ms");
        renewingSettings.put("ocpi.client.ssl-bundle", "ocpi-peers");
        renewing = AdapterInstance.start("tls-renewing", "BE", "TR", renewingSettings);
    }

    @AfterAll
    static void stop() {
        for (AdapterInstance adapter : new AdapterInstance[] {alpha, beta, untrusting, renewing}) {
            if (adapter != null) {
                adapter.close();
            }
        }
    }

    @Test
    void handshakeAndModuleCallsRunOverHttps() {
        Reply invitation = alpha.admin("POST", "/invitations", Map.of("name", "beta")).assertStatus(200);
        assertThat(invitation.json().get("versions_url").asText()).isEqualTo(alpha.versionsUrl()).startsWith("https://localhost:");
        String tokenA = invitation.json().get("token").asText();

        Reply registered = beta.admin("POST", "/peers", Map.of("url", alpha.versionsUrl(), "token", tokenA, "name", "alpha"));
        assertThat(registered.assertStatus(200).json().get("status").asText()).isEqualTo("REGISTERED");
        JsonNode betaAtAlpha = peer(alpha, "beta");
        assertThat(betaAtAlpha.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(betaAtAlpha.get("versions_url").asText()).isEqualTo(beta.versionsUrl()).startsWith("https://");

        // Every URL either side published, and so learnt of the other, is https.
        List<String> urls = new ArrayList<>();
        registered.json().get("endpoints").forEach(e -> urls.add(e.get("url").asText()));
        betaAtAlpha.get("endpoints").forEach(e -> urls.add(e.get("url").asText()));
        assertThat(urls).hasSizeGreaterThan(10).allMatch(url -> url.startsWith("https://localhost:"));

        // A module push from alpha (CPO) to beta (eMSP) through the outbox, and a pull the other way.
        alpha.bean(CamelContext.class).createProducerTemplate().requestBody("direct:ocpi.locations.publish",
                Samples.location("TLS1", "2024-01-01T00:00:00Z").replace("\"ADC\"", "\"TAC\""), String.class);
        String alphaToken = outgoingToken(alpha, "beta");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                beta.ocpi("GET", "/ocpi/emsp/2.2.1/locations/NL/TAC/TLS1", alphaToken, null).status() == 200);
        Reply pulled = beta.admin("POST", "/peers/" + peer(beta, "alpha").get("id").asLong() + "/pull-locations", null);
        assertThat(pulled.assertStatus(200).json().get("read").asLong()).isEqualTo(1);
    }

    @Test
    void aClientThatDoesNotTrustTheCaCannotRegister() {
        String tokenA = alpha.invite("untrusting");

        Reply refused = untrusting.admin("POST", "/peers", Map.of("url", alpha.versionsUrl(), "token", tokenA, "name", "alpha"));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("error").asText())
                .startsWith("OCPI 3001: cannot read the peer's versions: peer unreachable at " + alpha.versionsUrl())
                .contains("TLS handshake failed", "ocpi.client.ssl-bundle", "PKIX path building failed");

        // Nothing registered on either side: the invitation is still open and its token A still valid.
        assertThat(untrusting.admin("GET", "/peers", null).assertStatus(200).json()).isEmpty();
        assertThat(peer(alpha, "untrusting").get("status").asText()).isEqualTo("INVITED");
        alpha.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(200);
    }

    @Test
    void aRenewedTrustFileIsUsedWithoutARestart() throws IOException {
        String tokenA = alpha.invite("renewing");
        Map<String, Object> registration = Map.of("url", alpha.versionsUrl(), "token", tokenA, "name", "alpha");
        Reply refused = renewing.admin("POST", "/peers", registration);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("error").asText()).contains("TLS handshake failed");

        // The operator puts the CA that issued alpha's certificate into the bundle's file; the next calls trust it.
        Files.copy(tls.resolve("ca.crt"), tls.resolve("renewing-trust.crt"), StandardCopyOption.REPLACE_EXISTING);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> renewing.admin("POST", "/peers", registration).status() == 200);
        assertThat(peer(alpha, "renewing").get("status").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void thePeersHostNameIsCheckedAgainstItsCertificate() {
        // The certificate is issued by a trusted CA, but for localhost, not for the address beta is given.
        String tokenA = alpha.invite("beta-by-address");
        String byAddress = alpha.versionsUrl().replace("https://localhost:", "https://127.0.0.1:");
        int peersBefore = beta.admin("GET", "/peers", null).assertStatus(200).json().size();

        Reply refused = beta.admin("POST", "/peers", Map.of("url", byAddress, "token", tokenA, "name", "alpha-by-address"));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("error").asText()).contains("TLS handshake failed", "127.0.0.1");

        assertThat(beta.admin("GET", "/peers", null).assertStatus(200).json()).hasSize(peersBefore);
        assertThat(peer(alpha, "beta-by-address").get("status").asText()).isEqualTo("INVITED");
    }

    @Test
    void plainHttpToTheHttpsPortGetsNoOcpiAnswer() {
        String tokenA = alpha.invite("plain");
        String plainUrl = alpha.versionsUrl().replace("https://", "http://");
        Map<String, String> headers = Map.of("Authorization", "Token " + AdapterInstance.base64(tokenA));

        // Tomcat answers a plain request on a TLS port with a bare 400 that says so, never with our API.
        Reply plain = AdapterInstance.send("GET", plainUrl, headers, null);
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.body()).contains("requires TLS").doesNotContain("status_code");
        alpha.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(200);
    }

    // --- Certificates and settings ----------------------------------------------------------------------------

    /**
     * A CA, a server key pair with a certificate it signed for localhost (PKCS12), and the CA's certificate (PEM);
     * another CA's certificate, which the renewing adapter trusts at first.
     */
    private static void makeCertificates() throws Exception {
        String ec = "-keyalg EC -groupname secp256r1 -validity 2 -storetype PKCS12 -storepass " + PASSWORD;
        keytool("-genkeypair -alias ca -dname CN=OCPI-Test-CA -ext bc:c -keystore ca.p12 " + ec);
        keytool("-exportcert -rfc -alias ca -file ca.crt -keystore ca.p12 -storepass " + PASSWORD);
        keytool("-genkeypair -alias other -dname CN=Other-CA -ext bc:c -keystore other.p12 " + ec);
        keytool("-exportcert -rfc -alias other -file renewing-trust.crt -keystore other.p12 -storepass " + PASSWORD);
        keytool("-genkeypair -alias server -dname CN=localhost -keystore server.p12 " + ec);
        keytool("-certreq -alias server -file server.csr -keystore server.p12 -storepass " + PASSWORD);
        keytool("-gencert -rfc -alias ca -infile server.csr -outfile server.crt -validity 2 -ext san=dns:localhost"
                + " -ext ku:c=digitalSignature -ext eku=serverAuth -keystore ca.p12 -storepass " + PASSWORD);
        Files.writeString(tls.resolve("chain.crt"), Files.readString(tls.resolve("server.crt")) + Files.readString(tls.resolve("ca.crt")));
        keytool("-importcert -noprompt -alias server -file chain.crt -keystore server.p12 -storepass " + PASSWORD);
    }

    private static void keytool(String arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments.split(" ")));
        Process process = new ProcessBuilder(command).directory(tls.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + arguments + " failed: " + output);
        }
    }

    /** Serves HTTPS from the PKCS12 key store; with {@code trustTestCa}, calls peers trusting the CA's PEM certificate. */
    private static Map<String, Object> settings(boolean trustTestCa) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.ssl.bundle.jks.ocpi-server.keystore.location", "file:" + tls.resolve("server.p12"));
        settings.put("spring.ssl.bundle.jks.ocpi-server.keystore.password", PASSWORD);
        settings.put("spring.ssl.bundle.jks.ocpi-server.keystore.type", "PKCS12");
        settings.put("spring.ssl.bundle.jks.ocpi-server.key.alias", "server");
        settings.put("server.ssl.bundle", "ocpi-server");
        if (trustTestCa) {
            settings.put("spring.ssl.bundle.pem.ocpi-peers.truststore.certificate", "file:" + tls.resolve("ca.crt"));
            settings.put("ocpi.client.ssl-bundle", "ocpi-peers");
        }
        return settings;
    }

    // --- Reading the registry --------------------------------------------------------------------------------

    private static JsonNode peer(AdapterInstance adapter, String name) {
        for (JsonNode peer : adapter.admin("GET", "/peers", null).assertStatus(200).json()) {
            if (peer.get("name").asText().equals(name)) {
                return peer;
            }
        }
        throw new AssertionError(adapter.name() + " has no peer " + name);
    }

    private static String outgoingToken(AdapterInstance adapter, String peerName) {
        return adapter.bean(PeerRepository.class).find(peer(adapter, peerName).get("id").asLong()).orElseThrow().outgoingToken();
    }
}
