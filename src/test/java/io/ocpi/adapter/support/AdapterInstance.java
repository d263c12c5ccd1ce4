package io.ocpi.adapter.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.AdapterApplication;
import io.ocpi.adapter.protocol.OcpiJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole adapter, started as it runs in production (its own Spring context, web server on a free loopback port,
 * its own database), for tests that talk to it over real HTTP the way a peer or an operator would. With
 * {@code server.ssl.bundle} among its settings it serves HTTPS, and its URLs and admin calls use it.
 */
public final class AdapterInstance implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "test-admin-secret";
    public static final Map<String, String> ADMIN_HEADERS = Map.of("Authorization",
            "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    public static final ObjectMapper JSON = OcpiJson.newMapper();

    private final ConfigurableApplicationContext context;
    private final String name;
    private final Map<String, Object> settings;
    private final HttpClient http;
    private ProducerTemplate producer;

    private AdapterInstance(String name, ConfigurableApplicationContext context, Map<String, Object> settings) {
        this.name = name;
        this.context = context;
        this.settings = settings;
        this.http = serverBundle() == null ? HTTP : trustingItsOwnCertificate(context.getBean(SslBundles.class).getBundle(serverBundle()));
    }

    /** The SSL bundle the instance serves HTTPS with ({@code server.ssl.bundle}), or null when it serves plain HTTP. */
    private String serverBundle() {
        boolean enabled = context.getEnvironment().getProperty("server.ssl.enabled", Boolean.class, true);
        return enabled ? context.getEnvironment().getProperty("server.ssl.bundle") : null;
    }

    /** A client that trusts exactly what the instance serves, as an operator holding its certificate would. */
    private static HttpClient trustingItsOwnCertificate(SslBundle served) {
        try {
            KeyStore keys = served.getStores().getKeyStore();
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            for (String alias : Collections.list(keys.aliases())) {
                Certificate[] chain = keys.getCertificateChain(alias);
                if (chain != null) {
                    trusted.setCertificateEntry(alias, chain[chain.length - 1]);
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the served certificate", e);
        }
    }

    /** The settings it was started with: pass them to start another instance on the same database. */
    public Map<String, Object> settings() {
        return settings;
    }

    /** Starts an adapter whose CPO and eMSP roles use {@code partyPrefix} + "C" / "E" as party ids. */
    public static AdapterInstance start(String name, String countryCode, String partyPrefix, Map<String, Object> extra,
                                        Class<?>... testConfigurations) {
        Map<String, Object> props = settings(name, countryCode, partyPrefix, extra);
        Class<?>[] sources = new Class<?>[testConfigurations.length + 1];
        sources[0] = AdapterApplication.class;
        System.arraycopy(testConfigurations, 0, sources, 1, testConfigurations.length);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).run(arguments(props));
        return new AdapterInstance(name, context, Map.copyOf(props));
    }

    /**
     * The settings of a test adapter: its own database, a free port on loopback, peers allowed on loopback, bindings
     * off, our parties {@code partyPrefix} + "C" / "E"; {@code extra} last, so that a test's settings win.
     */
    public static Map<String, Object> settings(String name, String countryCode, String partyPrefix, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(TestDatabase.fresh(name));
        props.put("server.port", 0);
        props.put("server.address", "127.0.0.1");
        props.put("camel.main.name", name);
        props.put("camel.main.jmx-enabled", false);
        props.put("camel.main.routes-include-pattern", "file:routes/*.camel.yaml");
        props.put("ocpi.admin.password", ADMIN_PASSWORD);
        // Test peers and the other adapters listen on loopback, which the shipped configuration refuses to call.
        props.put("ocpi.client.allowed-networks", "127.0.0.0/8,::1/128");
        // Each instance leads its own cluster unless a test hands two of them the same folder.
        props.put("camel.cluster.file.root", System.getProperty("java.io.tmpdir") + "/ocpi-cluster-" + UUID.randomUUID());
        // The reference site's routes are loaded, but its bindings are off unless a test switches them on.
        props.put("ocpi.bindings.billing.enabled", false);
        props.put("ocpi.bindings.sftp.enabled", false);
        props.put("ocpi.bindings.sftp.embedded.enabled", false);
        props.put("ocpi.bindings.kafka.enabled", false);
        // Files dropped by tests are complete: read them a second after their last change rather than the shipped 30 s.
        props.put("ocpi.bindings.sftp.stable-for", "1s");
        props.put("ocpi.roles[0].role", "CPO");
        props.put("ocpi.roles[0].country-code", countryCode);
        props.put("ocpi.roles[0].party-id", partyPrefix + "C");
        props.put("ocpi.roles[0].business-details.name", name + " CPO");
        props.put("ocpi.roles[1].role", "EMSP");
        props.put("ocpi.roles[1].country-code", countryCode);
        props.put("ocpi.roles[1].party-id", partyPrefix + "E");
        props.put("ocpi.roles[1].business-details.name", name + " eMSP");
        props.putAll(extra);
        return props;
    }

    /** As command-line arguments, settings outrank application.yaml, as an operator's settings would. */
    public static String[] arguments(Map<String, Object> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public static AdapterInstance start(String name, String countryCode, String partyPrefix) {
        return start(name, countryCode, partyPrefix, Map.of());
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String baseUrl() {
        return (serverBundle() == null ? "http" : "https") + "://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public String versionsUrl() {
        return baseUrl() + "/ocpi/versions";
    }

    public String name() {
        return name;
    }

    // --- The admin API, as an operator calls it ----------------------------------------------------------------

    public Reply admin(String method, String path, Object body) {
        return send(http, method, baseUrl() + "/actuator" + path, ADMIN_HEADERS, body);
    }

    /** Creates an invitation and answers its token A. */
    public String invite(String peerName) {
        Reply reply = admin("POST", "/invitations", Map.of("name", peerName));
        reply.assertStatus(200);
        return reply.json().get("token").asText();
    }

    // --- OCPI, as a peer calls it ------------------------------------------------------------------------------

    public Reply ocpi(String method, String path, String token, Object body) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Token " + base64(token));
        return send(http, method, baseUrl() + path, headers, body);
    }

    public static String base64(String token) {
        return Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply send(String method, String url, Map<String, String> headers, Object body) {
        return send(HTTP, method, url, headers, body);
    }

    /** The same with a client of the caller's, e.g. one that trusts other certificates than the JVM's. */
    public static Reply send(HttpClient client, String method, String url, Map<String, String> headers, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                byte[] bytes = body instanceof byte[] raw ? raw
                        : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    // --- The enterprise side, as the adapter's own routes hand it objects ----------------------------------------

    /** Hands the adapter one of its own objects (canonical JSON), as an enterprise route would; answers its reply. */
    public String publish(String module, String json) {
        return producer().requestBody("direct:ocpi." + module + ".publish", json.getBytes(StandardCharsets.UTF_8), String.class);
    }

    /** Sends to one of the adapter's internal inputs, as an enterprise route would; fails with what failed the exchange. */
    public Exchange input(String endpoint, Object body, Map<String, Object> headers) {
        Exchange result = producer().request("direct:" + endpoint, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new HashMap<>(headers));
        });
        if (result.getException() != null) {
            throw new IllegalStateException(result.getException());
        }
        return result;
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = bean(CamelContext.class).createProducerTemplate();
        }
        return producer;
    }

    /** An HTTP answer, with helpers to read the OCPI envelope. */
    public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        public int ocpiStatus() {
            return json().path("status_code").asInt();
        }

        public JsonNode data() {
            return json().path("data");
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public Reply assertStatus(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }
}
