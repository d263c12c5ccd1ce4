package io.ocpi.adapter.protocol;

import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The URLs under which peers reach this adapter: one place that knows the public base URL and our path layout. */
@Component
public class OcpiUrls {

    private static final Logger LOG = LoggerFactory.getLogger(OcpiUrls.class);

    public static final String VERSION = "2.2.1";
    public static final String BASE_PATH = "/ocpi";
    public static final String VERSIONS_PATH = BASE_PATH + "/versions";
    public static final String VERSION_PATH = BASE_PATH + "/" + VERSION;

    /** Interfaces we serve as a CPO (Sender of locations, Receiver of tokens, ...). */
    public static String cpo(String module) {
        return BASE_PATH + "/cpo/" + VERSION + "/" + module;
    }

    /** Interfaces we serve as an eMSP (Receiver of locations, Sender of tokens, ...). */
    public static String emsp(String module) {
        return BASE_PATH + "/emsp/" + VERSION + "/" + module;
    }

    /** Whether a request is one of the OCPI interfaces (which authenticate their callers themselves). */
    public static boolean isOcpiPath(HttpServletRequest request) {
        return request.getRequestURI().startsWith(BASE_PATH + "/");
    }

    /**
     * Which of our roles serves the functional module at {@code path}: CPO under {@code /ocpi/cpo/}, eMSP under
     * {@code /ocpi/emsp/}; none for the configuration modules (versions, credentials, hubclientinfo).
     */
    public static java.util.Optional<Role> side(String path) {
        return path.startsWith(BASE_PATH + "/cpo/") ? java.util.Optional.of(Role.CPO)
                : path.startsWith(BASE_PATH + "/emsp/") ? java.util.Optional.of(Role.EMSP) : java.util.Optional.empty();
    }

    private final OcpiProperties properties;
    private final Environment environment;
    private final String scheme;

    public OcpiUrls(OcpiProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.scheme = servesTls(environment) ? "https" : "http";
        if (properties.publicUrl() != null && "https".equals(scheme) && "http".equalsIgnoreCase(properties.publicUrl().getScheme())) {
            LOG.warn("the adapter serves HTTPS but ocpi.public-url {} is http: peers are sent to a URL without TLS",
                    properties.publicUrl());
        }
    }

    /** Whether the web server itself serves TLS ({@code server.ssl.bundle}, or the older {@code server.ssl.key-store}). */
    private static boolean servesTls(Environment environment) {
        return Binder.get(environment).bind("server.ssl", Ssl.class).map(ssl -> Ssl.isEnabled(ssl)).orElse(false);
    }

    public String base() {
        if (properties.publicUrl() != null) {
            return stripSlash(properties.publicUrl().toString());
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return scheme + "://localhost:" + port;
    }

    public String versions() {
        return base() + VERSIONS_PATH;
    }

    public String versionDetails() {
        return base() + VERSION_PATH;
    }

    /** Absolute URL of one of our own paths, e.g. {@code /ocpi/2.2.1/credentials}. */
    public String of(String path) {
        return base() + path;
    }

    /** An id as one URL path segment: ids are printable ASCII, and may hold characters a path cannot. */
    public static String segment(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
