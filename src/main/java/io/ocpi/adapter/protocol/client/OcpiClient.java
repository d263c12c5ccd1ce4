package io.ocpi.adapter.protocol.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.CredentialsTokenReader;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.protocol.client.PeerDeviations.Deviation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The one way the adapter calls a peer: Authorization in the peer's encoding, a fresh X-Request-ID, the
 * X-Correlation-ID of the exchange we are serving (or a new one), timeouts, JSON both ways, and the envelope checked.
 * A peer spoken to in OCPI 2.1.1, which has no message routing, gets no OCPI-from/to headers.
 * HTTPS peers are trusted by the SSL bundle {@code ocpi.client.ssl-bundle} names, or else by the JVM's public CAs.
 * No URL is called that the {@link PeerAddressPolicy} refuses.
 * Anything but an HTTP 2xx answer with an OCPI 1xxx status becomes a {@link PeerCallException}. A single object that
 * the peer wraps in a one-element array is taken, as a {@link PeerDeviations deviation}.
 */
@Component
public class OcpiClient {

    private static final Logger LOG = LoggerFactory.getLogger(OcpiClient.class);
    /** One thread, shared by every client, that ends calls past their time limit. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final ObjectMapper json;
    private final OcpiProperties.Client settings;
    private final PeerDeviations deviations;
    private final PeerAddressPolicy addresses;
    private volatile HttpClient http;

    public OcpiClient(ObjectMapper json, OcpiProperties properties, SslBundles sslBundles, PeerDeviations deviations,
                      PeerAddressPolicy addresses) {
        this.json = json;
        this.deviations = deviations;
        this.settings = properties.client();
        this.addresses = addresses;
        String bundle = settings.sslBundle();
        if (StringUtils.hasText(bundle)) {
            this.http = newHttpClient(sslBundles.getBundle(bundle));
            // A bundle with reload-on-update: renewed certificates are used for the next calls, without a restart.
            sslBundles.addBundleUpdateHandler(bundle, updated -> this.http = newHttpClient(updated));
        } else {
            this.http = newHttpClient(null);
        }
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "ocpi-client-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        deadlines.setRemoveOnCancelPolicy(true);
        return deadlines;
    }

    private HttpClient newHttpClient(SslBundle bundle) {
        SSLContext tls;
        try {
            tls = bundle == null ? SSLContext.getDefault() : bundle.createSslContext();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no TLS", e);
        }
        SSLParameters parameters = tls.getDefaultSSLParameters();
        if (bundle != null && bundle.getOptions().getEnabledProtocols() != null) {
            parameters.setProtocols(bundle.getOptions().getEnabledProtocols());
        }
        if (bundle != null && bundle.getOptions().getCiphers() != null) {
            parameters.setCipherSuites(bundle.getOptions().getCiphers());
        }
        // Set here, the peer's host name is checked against its certificate even where a JVM flag would turn that off.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls)
                .sslParameters(parameters)
                .build();
    }

    public JavaType type(Class<?> dataType) {
        return json.constructType(dataType);
    }

    public JavaType listType(Class<?> itemType) {
        return json.getTypeFactory().constructCollectionType(List.class, itemType);
    }

    public <T> PeerResponse<T> get(String url, PeerCredential credential, Class<T> dataType) {
        return call("GET", url, credential, null, json.constructType(dataType), Map.of());
    }

    public <T> PeerResponse<List<T>> getList(String url, PeerCredential credential, Class<T> itemType) {
        return call("GET", url, credential, null, listType(itemType), Map.of());
    }

    /** Any OCPI call. {@code body} is serialised as JSON when given; {@code dataType} null ignores the data. */
    public <T> PeerResponse<T> call(String method, String url, PeerCredential credential, Object body, JavaType dataType,
                                    Map<String, String> headers) {
        return call(method, url, credential, body, dataType, headers, settings.requestTimeout());
    }

    /** The same, with a time limit of its own (a driver waiting at a charger cannot wait the usual 30 s). */
    public <T> PeerResponse<T> call(String method, String url, PeerCredential credential, Object body, JavaType dataType,
                                    Map<String, String> headers, java.time.Duration timeout) {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = send(method, url, credential, body, headers, timeout);
        return read(method, url, credential, response, dataType, started, requestId(response));
    }

    /**
     * The transport alone: the peer's answer whatever its HTTP status and envelope, for a caller that judges the answer
     * itself (the peer probe). Only no answer at all is a {@link PeerCallException}.
     */
    public HttpResponse<byte[]> send(String method, String url, PeerCredential credential, Object body, Map<String, String> headers) {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = send(method, url, credential, body, headers, settings.requestTimeout());
        log(method, url, String.valueOf(response.statusCode()), started, requestId(response));
        return response;
    }

    private static String requestId(HttpResponse<byte[]> response) {
        return response.request().headers().firstValue(OcpiExchange.HEADER_REQUEST_ID).orElse(null);
    }

    private HttpResponse<byte[]> send(String method, String url, PeerCredential credential, Object body, Map<String, String> headers,
                                      java.time.Duration timeout) {
        String requestId = UUID.randomUUID().toString();
        String correlationId = Optional.ofNullable(MDC.get("correlationId")).orElseGet(() -> UUID.randomUUID().toString());
        long started = System.nanoTime();
        try {
            addresses.check(url);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Authorization", CredentialsTokenReader.header(credential.token(), credential.encoding()))
                    .header(OcpiExchange.HEADER_REQUEST_ID, requestId)
                    .header(OcpiExchange.HEADER_CORRELATION_ID, correlationId)
                    .header("Accept", "application/json");
            headers.forEach((name, value) -> {
                if (credential.version() != VersionNumber.V2_1_1 || !RoutingHeaders.isRoutingHeader(name)) {
                    request.header(name, value);
                }
            });
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return sendWithin(request.build(), timeout);
        } catch (HttpTimeoutException | TimeoutException e) {
            throw noAnswerWithin(method, url, timeout, started, requestId, e);
        } catch (JsonProcessingException e) {
            throw new PeerCallException(url, 0, null, "request to " + url + " not written: " + describe(e), e);
        } catch (IOException io) {
            log(method, url, "no answer: " + io, started, requestId);
            throw new PeerCallException(url, 0, null, "peer unreachable at " + url + ": " + describe(io), io);
        } catch (PeerCallException refused) {
            log(method, url, refused.getMessage(), started, requestId);
            throw refused;
        } catch (IllegalArgumentException e) {
            throw new PeerCallException(url, 0, null, "not a usable URL: " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerCallException(url, 0, null, "interrupted while calling " + url, e);
        }
    }

    /**
     * Sends on the calling thread and waits for the whole answer, body included, at most {@code timeout}: the request's
     * own timeout ends at the response headers, and a peer that sends them and then stalls in the body would hold the
     * thread for ever. Past the limit the thread is interrupted, which makes the HTTP client cancel the exchange. A
     * synchronous send, unlike {@code sendAsync}, hands no completion to the JVM's default asynchronous executor, which
     * starts a thread per task where the machine has fewer than three cores.
     *
     * @throws TimeoutException the answer did not arrive within {@code timeout}
     */
    private HttpResponse<byte[]> sendWithin(HttpRequest request, java.time.Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        Deadline deadline = new Deadline(Thread.currentThread());
        ScheduledFuture<?> alarm = DEADLINES.schedule(deadline::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException | IOException e) {
            if (deadline.end()) {
                throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
            }
            throw e;
        } finally {
            alarm.cancel(false);
            deadline.end();
        }
    }

    /** Interrupts a call's thread at its time limit, unless the call ended before. */
    private static final class Deadline {

        private final Thread caller;
        private boolean ended;
        private boolean expired;

        Deadline(Thread caller) {
            this.caller = caller;
        }

        synchronized void expire() {
            if (!ended) {
                expired = true;
                caller.interrupt();
            }
        }

        /** Ends the watch; true when the limit was reached, whose interrupt is then taken off the caller's thread. */
        synchronized boolean end() {
            if (!ended) {
                ended = true;
                if (expired) {
                    Thread.interrupted();
                }
            }
            return expired;
        }
    }

    private <T> PeerResponse<T> read(String method, String url, PeerCredential credential, HttpResponse<byte[]> response, JavaType dataType,
                                     long started, String requestId) {
        int http = response.statusCode();
        JsonNode envelope;
        try {
            envelope = response.body().length == 0 ? null : json.readTree(response.body());
        } catch (IOException e) {
            envelope = null;
        }
        Integer status = envelope != null && envelope.path("status_code").canConvertToInt() ? envelope.get("status_code").asInt() : null;
        String message = envelope == null ? null : envelope.path("status_message").asText(null);
        log(method, url, http + " " + status, started, requestId);
        if (http < 200 || http > 299) {
            throw new PeerCallException(url, http, status, "peer answered HTTP " + http + (status == null ? "" : " with OCPI " + status)
                    + (message == null ? "" : ": " + message) + " for " + method + " " + url, null);
        }
        if (status == null) {
            throw new PeerCallException(url, http, null, "peer answered without an OCPI envelope for " + method + " " + url, null);
        }
        if (!OcpiStatus.isSuccess(status)) {
            throw new PeerCallException(url, http, status, "peer answered OCPI " + status + (message == null ? "" : ": " + message)
                    + " for " + method + " " + url, null);
        }
        T data = null;
        JsonNode dataNode = envelope.get("data");
        if (dataType != null && dataNode != null && !dataNode.isNull()) {
            if (dataNode.isArray() && dataNode.size() == 1 && !dataType.isContainerType()) {
                deviations.tolerated(credential.peerName(url), Deviation.ONE_ELEMENT_ARRAY, method + " " + url);
                dataNode = dataNode.get(0);
            }
            try {
                data = json.convertValue(dataNode, dataType);
            } catch (IllegalArgumentException e) {
                throw new PeerCallException(url, http, status, "peer's data is not a valid " + dataType.getRawClass().getSimpleName()
                        + " for " + method + " " + url + ": " + e.getMessage(), e);
            }
        }
        return new PeerResponse<>(http, response.headers(), data, status);
    }

    private static PeerCallException noAnswerWithin(String method, String url, java.time.Duration timeout, long started, String requestId,
                                                    Throwable cause) {
        log(method, url, "no answer within " + timeout.toMillis() + "ms", started, requestId);
        return new PeerCallException(url, 0, null, "peer did not answer within the request timeout (" + timeout.toMillis() + " ms): "
                + method + " " + url, cause);
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return "TLS handshake failed (is the peer's certificate issued for this host name by a CA in our trust"
                        + " store, ocpi.client.ssl-bundle?): " + message;
            }
        }
        return message;
    }

    private static void log(String method, String url, String outcome, long started, String requestId) {
        LOG.info("OCPI out {} {} -> {} {}ms (request {})", method, url, outcome, (System.nanoTime() - started) / 1_000_000, requestId);
    }
}
