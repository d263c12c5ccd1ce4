package io.ocpi.adapter.protocol;

import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The URLs under which peers reach this adapter: one place that knows the public base URL and our path layout. Each
 * OCPI version we serve has its own paths, the version one segment of them: {@code /ocpi/<version>} (version
 * details), {@code /ocpi/<version>/<module>} (credentials, hubclientinfo), {@code /ocpi/cpo/<version>/<module>} and
 * {@code /ocpi/emsp/<version>/<module>}; {@code /ocpi/versions} lists them all. The paths the modules declare are
 * their {@value #VERSION} paths; {@link #in} writes one in another version.
 */
@Component
public class OcpiUrls {

    private static final Logger LOG = LoggerFactory.getLogger(OcpiUrls.class);

    /** The version of the paths the modules declare; {@link #in} writes them in the others. */
    public static final String VERSION = "2.2.1";
    public static final String BASE_PATH = "/ocpi";
    public static final String VERSIONS_PATH = BASE_PATH + "/versions";
    /** The path parameter of the version segment in the routes' REST paths. */
    static final String VERSION_PARAMETER = "ocpi_version";
    public static final String VERSION_PATH = BASE_PATH + "/" + VERSION;

    /** Interfaces we serve as a CPO (Sender of locations, Receiver of tokens, ...). */
    public static String cpo(String module) {
        return BASE_PATH + "/cpo/" + VERSION + "/" + module;
    }

    /** Interfaces we serve as an eMSP (Receiver of locations, Sender of tokens, ...). */
    public static String emsp(String module) {
        return BASE_PATH + "/emsp/" + VERSION + "/" + module;
    }

    /**
     * One of our paths ({@code /ocpi/cpo/2.2.1/locations}, {@code /ocpi/2.2.1/credentials}, a URL with such a path) as
     * it is in {@code version}: its version segment replaced.
     */
    public static String in(VersionNumber version, String path) {
        int at = versionSegment(path);
        if (at < 0) {
            throw new IllegalArgumentException(path + " is no versioned OCPI path of ours");
        }
        int end = segmentEnd(path, at);
        return path.substring(0, at) + version.text() + path.substring(end);
    }

    /** One of our paths with its version segment a path parameter, {@value #VERSION_PARAMETER}: the path in every version. */
    static String anyVersion(String path) {
        int at = versionSegment(path);
        return path.substring(0, at) + "{" + VERSION_PARAMETER + "}" + path.substring(segmentEnd(path, at));
    }

    /** Whether a request's path is one with a version segment: every OCPI path but {@code /ocpi/versions}. */
    static boolean isVersioned(String path) {
        return !path.endsWith(VERSIONS_PATH);
    }

    /** The OCPI version of one of our paths (or of a URL with such a path); empty for {@code /ocpi/versions} and others. */
    public static java.util.Optional<VersionNumber> version(String path) {
        int at = path == null ? -1 : versionSegment(path);
        if (at < 0) {
            return java.util.Optional.empty();
        }
        int end = segmentEnd(path, at);
        // The version of most requests, told without a lookup.
        if (path.startsWith(VERSION, at) && end - at == VERSION.length()) {
            return java.util.Optional.of(VersionNumber.V2_2_1);
        }
        return VersionNumber.of(path.substring(at, end));
    }

    /** The module identifier of one of our versioned paths: the segment after the version; empty for version details. */
    public static java.util.Optional<String> module(String path) {
        int at = versionSegment(path);
        if (at < 0) {
            return java.util.Optional.empty();
        }
        int start = segmentEnd(path, at) + 1;
        if (start >= path.length()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(path.substring(start, segmentEnd(path, start)));
    }

    /** Where the version segment of an OCPI path starts (after {@code /ocpi/}, or {@code /ocpi/cpo/}), or -1. */
    private static int versionSegment(String path) {
        int base = path.indexOf(BASE_PATH + "/");
        if (base < 0) {
            return -1;
        }
        int at = base + BASE_PATH.length() + 1;
        if (path.startsWith("cpo/", at)) {
            at += "cpo/".length();
        } else if (path.startsWith("emsp/", at)) {
            at += "emsp/".length();
        }
        return at < path.length() && !path.startsWith("versions", at) ? at : -1;
    }

    private static int segmentEnd(String path, int start) {
        for (int i = start; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return path.length();
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

    /** Our version details URL of one version, e.g. {@code https://ocpi.example.com/ocpi/2.1.1}. */
    public String versionDetails(VersionNumber version) {
        return base() + in(version, VERSION_PATH);
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
