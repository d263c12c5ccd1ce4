package io.ocpi.adapter.config;

import io.ocpi.adapter.ocpi.CredentialsRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything that shapes how the adapter speaks OCPI, under the {@code ocpi.} prefix. Each value can be set in
 * {@code application.yaml}, in a file under {@code config/}, or as an environment variable
 * ({@code ocpi.client.request-timeout} is {@code OCPI_CLIENT_REQUESTTIMEOUT}).
 *
 * @param publicUrl  the base URL peers use to reach this adapter, e.g. {@code https://ocpi.example.com}. When unset,
 *                   {@code http://localhost:<server port>}, or {@code https://} when the adapter serves TLS itself
 *                   ({@code server.ssl.bundle}): fine for a local trial, never for a real peer.
 * @param roles      the parties this platform plays, each with its own country code, party id and business
 *                   details; one CPO and one eMSP by default.
 * @param auth       how incoming credentials tokens are read.
 * @param client     calls from the adapter to peers.
 * @param registration what a peer must offer before we register with it.
 * @param pagination limits of paginated GET lists.
 * @param maxBodySize requests with a larger body are refused (HTTP 413) before they are read.
 * @param bodyReadTimeout how long the body of a request may take to arrive, once its credentials token is found
 *                   valid; a slower one is answered HTTP 408. The body of a request without a valid token is not
 *                   read at all.
 * @param pull       scheduled pulls of peers' complete lists.
 * @param push       delivery of our changes to peers through the outbox.
 * @param authorization real-time authorization of tokens, in both roles.
 * @param resultTimeout how long a peer is told to wait for the result of a command or charging-profile request it
 *                   sent us ({@code timeout} of the immediate response); a command whose result has not come by then
 *                   is concluded with TIMEOUT.
 * @param timeZones  per country (ISO 3166-1 alpha-3, as OCPI 2.1.1 writes it), the IANA time zone id of its places:
 *                   a 2.1.1 Location without {@code time_zone} gets its country's, a country not listed is refused.
 *                   Shipped for the countries of the EU, the EEA, CH and GB where every place keeps one clock; add a
 *                   country, or override one, e.g. {@code ESP: Europe/Madrid} for sites on the mainland only. Each
 *                   must be a zone of the IANA database as {@link ZoneId} knows it: another stops the start.
 */
@Validated
@ConfigurationProperties("ocpi")
public record OcpiProperties(
        URI publicUrl,
        @NotEmpty List<@Valid CredentialsRole> roles,
        @Valid @DefaultValue Auth auth,
        @Valid @DefaultValue Client client,
        @Valid @DefaultValue Registration registration,
        @Valid @DefaultValue Pagination pagination,
        @DefaultValue("5MB") DataSize maxBodySize,
        @DefaultValue("10s") Duration bodyReadTimeout,
        @Valid @DefaultValue Pull pull,
        @Valid @DefaultValue Push push,
        @Valid @DefaultValue Authorization authorization,
        @DefaultValue("60s") Duration resultTimeout,
        @DefaultValue Map<String, ZoneId> timeZones) {

    public OcpiProperties {
        timeZones = timeZones == null ? Map.of() : byCountry(timeZones);
    }

    /** Country codes upper case (an environment variable gives them in lower case); fixed offsets are no IANA zones. */
    private static Map<String, ZoneId> byCountry(Map<String, ZoneId> timeZones) {
        Map<String, ZoneId> byCountry = new TreeMap<>();
        timeZones.forEach((country, zone) -> {
            if (!ZoneId.getAvailableZoneIds().contains(zone.getId())) {
                throw new IllegalArgumentException("ocpi.time-zones." + country + ": " + zone
                        + " is no time zone id of the IANA database, e.g. Europe/Amsterdam");
            }
            byCountry.put(country.toUpperCase(Locale.ROOT), zone);
        });
        return Collections.unmodifiableMap(byCountry);
    }

    /**
     * @param pollInterval     how often the outbox is looked at for items due
     * @param batchSize        items one instance claims at a time; none more for a destination that holds this many
     * @param parallelism      items delivered at once, by as many threads; an object's next change is only claimed
     *                         once its previous one is done, so this never reorders the changes of one object
     * @param destinationParallelism items of one destination (a peer, or one of our routes) delivered at once: a slow
     *                         or hanging peer holds at most this many threads, and leaves the others to the rest
     * @param lease            how long a claimed item is left to its instance before another may take it over
     * @param initialBackoff   wait before the first retry; it doubles with every attempt (with jitter)
     * @param maxBackoff       the longest wait between two attempts
     * @param maxAttempts      attempts before an item becomes a dead letter
     * @param maxAge           age after which an undelivered item becomes a dead letter
     * @param offlineAfter     consecutive failed connections after which a peer is marked OFFLINE and waited for
     * @param aliveCheck       how often an OFFLINE peer's versions endpoint is called to see whether it is back
     */
    public record Push(
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("50") @Min(1) int batchSize,
            @DefaultValue("8") @Min(1) int parallelism,
            @DefaultValue("6") @Min(1) int destinationParallelism,
            @DefaultValue("60s") Duration lease,
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("25") @Min(1) int maxAttempts,
            @DefaultValue("3d") Duration maxAge,
            @DefaultValue("5") @Min(1) int offlineAfter,
            @DefaultValue("60s") Duration aliveCheck) {
    }

    /**
     * @param timeout  as a CPO, how long we wait for an eMSP's real-time answer before falling back on the token's
     *                 whitelist type
     * @param cacheFor as an eMSP, how long an answer of the authorize route is reused for the same token and location;
     *                 a blocked contract takes effect within this time. Zero: always ask.
     */
    public record Authorization(@DefaultValue("5s") Duration timeout, @DefaultValue("30s") Duration cacheFor) {
    }

    /**
     * @param enabled    pull every module each registered peer serves, every {@code interval}
     * @param interval   time between pulls; the spec advises hours, not minutes
     * @param pageLimits per peer name, per module: the largest page to ask the peer for ({@code limit}), for peers
     *                   and hubs that publish caps of their own, e.g. {@code hub: {locations: 100, cdrs: 20}}. Unset:
     *                   no {@code limit}, the peer's default. Either way the peer's {@code X-Limit} is honoured.
     */
    public record Pull(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("6h") Duration interval,
            @DefaultValue Map<String, Map<String, @Min(1) Integer>> pageLimits) {
    }

    /**
     * @param acceptPlainTokens  also accept a credentials token sent without Base64 encoding, as many OCPI 2.1.1 and 2.2
     *                           peers do. Off: only peers whose token encoding is PLAIN may send plain tokens.
     * @param invitationValidity how long a token A from an invitation can be used to register.
     * @param lockout            what becomes of an address that keeps presenting wrong credentials.
     */
    public record Auth(
            @DefaultValue("true") boolean acceptPlainTokens,
            @DefaultValue("7d") Duration invitationValidity,
            @Valid @DefaultValue Lockout lockout) {
    }

    /**
     * Guessing credentials is made slow: an address that presents a wrong token or wrong admin credentials
     * {@code maxFailures} times within {@code window} is answered HTTP 429 on every request for {@code block}, right
     * credentials or not. Health probes and the Prometheus scrape stay open.
     *
     * @param enabled      off: failures are still counted, nobody is blocked
     * @param maxFailures  failed authentications from one address that start a block
     * @param window       the time within which they count; it starts at an address's first failure
     * @param block        how long an address is refused once blocked
     * @param maxAddresses addresses tracked at most, so that a flood from many addresses cannot exhaust memory
     */
    public record Lockout(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10") @Min(1) int maxFailures,
            @DefaultValue("1m") Duration window,
            @DefaultValue("5m") Duration block,
            @DefaultValue("10000") @Min(1) int maxAddresses) {
    }

    /**
     * @param connectTimeout time allowed to open a connection to a peer.
     * @param requestTimeout time allowed for a peer to answer one request, its whole answer included; a push that
     *                       gets no answer within it is tried again later. Keep it under half of
     *                       {@code ocpi.push.lease}: a push waiting for a thread is only started while that much
     *                       of its lease is left.
     * @param sslBundle      name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) for calls to peers over
     *                       HTTPS: its trust store holds the CAs whose certificates we accept, its key store (optional)
     *                       our client certificate for peers that ask for mutual TLS. Its trust store replaces the
     *                       JVM's: add the public CAs to it if some peers use those. Unset: the JVM's default trust
     *                       store (the public CAs) and no client certificate. The peer's host name is always checked
     *                       against its certificate.
     * @param allowedNetworks networks (CIDR, e.g. {@code 10.20.0.0/16}) where the URLs peers give us may lead besides
     *                       the public internet. Unlisted, loopback, link-local and private addresses are refused,
     *                       and so are this host's addresses at the adapter's own ports: a peer or a token A holder
     *                       cannot make the adapter call the services around it. List the private network of a peer
     *                       reached over a VPN; {@code 127.0.0.0/8} for two adapters tried on one machine.
     */
    public record Client(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration requestTimeout,
            String sslBundle,
            @DefaultValue List<String> allowedNetworks) {
    }

    /**
     * @param requiredModules modules a peer must list in its version details (besides credentials, always required)
     *                        for a registration to succeed, where the peer's version has them; otherwise OCPI 3003.
     * @param maxFailedAttempts registrations with one token A that may fail before the invitation is revoked.
     */
    public record Registration(@DefaultValue List<String> requiredModules, @DefaultValue("5") @Min(1) int maxFailedAttempts) {
    }

    /**
     * @param defaultLimit page size when a client sends no {@code limit}.
     * @param maxLimit     the largest page we serve, whatever the client asks ({@code X-Limit}).
     * @param heldObjects  the most objects of one module a Sender list serves from memory; a module of more is paged
     *                     from the database.
     */
    public record Pagination(
            @DefaultValue("100") @Min(1) int defaultLimit,
            @DefaultValue("1000") @Min(1) @Max(10000) int maxLimit,
            @DefaultValue("100000") @Min(0) int heldObjects) {
    }
}
