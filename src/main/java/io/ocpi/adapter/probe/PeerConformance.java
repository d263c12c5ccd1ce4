package io.ocpi.adapter.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.credentials.CredentialsHandshake;
import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiDateTime;
import io.ocpi.adapter.protocol.OcpiJson;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.protocol.ServedVersions;
import io.ocpi.adapter.protocol.client.OcpiClient;
import io.ocpi.adapter.protocol.client.PeerCallException;
import io.ocpi.adapter.protocol.client.PeerCalls;
import io.ocpi.adapter.protocol.client.PeerCredential;
import io.ocpi.adapter.protocol.client.PeerDeviations.Deviation;
import io.ocpi.adapter.protocol.client.PeerLists;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.TokenEncoding;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a peer probe: registers with the peer as our (test) parties in one OCPI version, reads every list the
 * peer serves as a Sender in that version, sends the specification's examples of that version to every Receiver it
 * offers and reads them back, asks for a refusal where the version's text defines one, and unregisters. Each answer
 * is held against the version's protocol (envelope, request ids, routing headers, pagination headers and Link, HTTP
 * status of refusals) and each object against the version's objects ({@link ProbeVersion}); a check the version
 * does not have is reported as not in it. Commands, charging profiles and payments are not sent: the first two act
 * on real charge points, payments are a payment terminal provider's, which the probe is not.
 */
final class PeerConformance {

    /** The modules whose objects the probe reads from Senders and sends to Receivers, in this order. */
    private static final List<String> MODULES = List.of(ModuleId.LOCATIONS, ModuleId.SESSIONS, ModuleId.CDRS, ModuleId.TARIFFS, ModuleId.TOKENS);
    private static final String AUTHORIZATION_INFO = "authorization_info";

    /** A PATCH the spec refuses with 2001 (no last_updated), per module that has PATCH. */
    private static final Map<String, Map<String, Object>> PATCHES_WITHOUT_LAST_UPDATED = Map.of(
            ModuleId.LOCATIONS, Map.of("publish", false), ModuleId.SESSIONS, Map.of("kwh", 0), ModuleId.TOKENS, Map.of("valid", true));

    private final CredentialsHandshake handshake;
    private final OcpiClient client;
    private final OcpiBodies bodies;
    private final Platform platform;
    private final OcpiUrls urls;
    private final ServedVersions served;
    private final ObjectMapper json;
    private final ProbeReport report;
    private final int pageSize;
    /** The version the peer is held to: the one asked for or chosen, then the one registered in. */
    private ProbeVersion version;

    PeerConformance(CredentialsHandshake handshake, OcpiClient client, OcpiBodies bodies, Platform platform, OcpiUrls urls,
                    ServedVersions served, ObjectMapper json, ProbeReport report, int pageSize) {
        this.handshake = handshake;
        this.client = client;
        this.bodies = bodies;
        this.platform = platform;
        this.urls = urls;
        this.served = served;
        this.json = json;
        this.report = report;
        this.pageSize = pageSize;
    }

    /**
     * Registers in {@code wanted} (null: the highest version both speak), as our {@code role} towards a 2.1.1 peer
     * (null: our only one), and checks the peer in that version.
     */
    void run(String versionsUrl, String tokenA, VersionNumber wanted, Role role) {
        speak(wanted == null ? VersionNumber.CANONICAL : wanted);
        Optional<Choice> choice = versions(versionsUrl, tokenA, wanted);
        if (choice.isEmpty()) {
            return;
        }
        Peer peer;
        try {
            peer = handshake.register("conformance probe", versionsUrl, tokenA, choice.get().encoding(), choice.get().version(), role);
        } catch (RuntimeException refused) {
            boolean couldNotReachUs = refused.getCause() instanceof PeerCallException call
                    && Integer.valueOf(OcpiStatus.UNABLE_TO_USE_CLIENT_API.code()).equals(call.ocpiStatus());
            report.deviates("credentials", "registration", refused.getMessage() + (couldNotReachUs
                    ? " (the peer reads our versions at " + urls.versions() + " during the handshake: can it reach that URL?"
                    + " --server.port and --ocpi.public-url set it)" : ""));
            return;
        }
        report.connected(true);
        speak(peer.ocpiVersion());
        report.conforms("credentials", "registration", "registered in OCPI " + peer.ocpiVersion() + " as " + platform.parties(Role.CPO) + " (CPO) and "
                + platform.parties(Role.EMSP) + " (eMSP); the peer is " + peer.roles().stream()
                .map(r -> r.countryCode() + "*" + r.partyId() + " (" + r.role() + ")").toList());
        try {
            for (String module : MODULES) {
                peer.endpoint(module, InterfaceRole.SENDER).ifPresent(url -> probe(module + " sender", () -> readSender(peer, module, url)));
            }
            ProbeFixtures fixtures = new ProbeFixtures(json, version.number(), party(peer, Role.EMSP));
            for (String module : MODULES) {
                peer.endpoint(module, InterfaceRole.RECEIVER).ifPresent(url -> probe(module + " receiver", () -> writeReceiver(peer, module, url, fixtures)));
            }
            for (Endpoint endpoint : peer.endpoints()) {
                String area = endpoint.identifier() + " " + endpoint.role().name().toLowerCase();
                if (ModuleId.COMMANDS.equals(endpoint.identifier()) || ModuleId.CHARGING_PROFILES.equals(endpoint.identifier())) {
                    report.skipped(area, "not probed", "not sent: commands and charging profiles act on real charge points");
                } else if (ModuleId.PAYMENTS.equals(endpoint.identifier())) {
                    report.skipped(area, "not probed", "not sent: terminals and financial advice confirmations are a payment terminal"
                            + " provider's, which the probe is not");
                }
            }
        } finally {
            probe("credentials", () -> unregister(peer, versionsUrl));
        }
    }

    /** One module's probe; a peer that stops answering in the middle fails this module, not the whole probe. */
    private void probe(String area, Runnable checks) {
        try {
            checks.run();
        } catch (PeerCallException unreachable) {
            report.deviates(area, "answers", unreachable.getMessage());
        }
    }

    // --- Versions and the handshake ----------------------------------------------------------------------------

    /** The version the checks from now on hold the peer to. */
    private void speak(VersionNumber number) {
        version = new ProbeVersion(number, number == VersionNumber.V2_2_1 ? new ModelObjects(bodies, json) : ObjectRules.read(json, number));
        report.speaking(number);
    }

    /** How the probe registers: with token A encoded thus, in this version (null: the peer offers none we speak). */
    private record Choice(TokenEncoding encoding, VersionNumber version) {
    }

    /**
     * Reads the versions with token A, encoded as the version wanted sends it (2.1.1 as it is, later ones
     * Base64-encoded), else the other way; chooses the version to register in ({@code wanted}, or the highest both
     * speak) and checks the token's encoding against that version's.
     */
    private Optional<Choice> versions(String versionsUrl, String tokenA, VersionNumber wanted) {
        try {
            TokenEncoding tried = version.tokenEncoding();
            PeerAnswer answer = call("GET", versionsUrl, new PeerCredential(tokenA, tried), null, Map.of());
            PeerAnswer refused = null;
            if (!answer.isSuccess()) {
                refused = answer;
                tried = other(tried);
                answer = call("GET", versionsUrl, new PeerCredential(tokenA, tried), null, Map.of());
                if (!answer.isSuccess()) {
                    report.deviates("versions", "versions", refused.describe() + "; " + encoded(tried) + " token: HTTP " + answer.httpStatus());
                    return Optional.empty();
                }
            }
            VersionNumber chosen = wanted != null ? wanted : highestMutual(answer.data());
            if (chosen != null) {
                speak(chosen);
            }
            checkProtocol("versions", answer, null);
            TokenEncoding expected = version.tokenEncoding();
            if (tried != expected && refused == null) {
                PeerAnswer again = call("GET", versionsUrl, new PeerCredential(tokenA, expected), null, Map.of());
                if (again.isSuccess()) {
                    tried = expected;
                } else {
                    refused = again;
                }
            }
            if (tried == expected) {
                report.conforms("versions", "token-encoding", "token A accepted " + encoded(expected));
            } else {
                report.deviates("versions", "token-encoding", "token A is refused " + encoded(expected) + " (" + refused.describe()
                        + ") and accepted " + encoded(tried) + "; OCPI " + version.number().text() + " sends credentials tokens " + encoded(expected));
            }
            return Optional.of(new Choice(tried, chosen));
        } catch (PeerCallException unreachable) {
            report.deviates("versions", "versions", unreachable.getMessage());
        }
        return Optional.empty();
    }

    /** The highest version in a versions list that the probe speaks too; null when there is none. */
    private VersionNumber highestMutual(JsonNode versions) {
        VersionNumber highest = null;
        if (versions != null && versions.isArray()) {
            for (JsonNode offered : versions) {
                Optional<VersionNumber> number = VersionNumber.of(offered.path("version").asText());
                if (number.isPresent() && served.enabled().contains(number.get()) && (highest == null || number.get().compareTo(highest) > 0)) {
                    highest = number.get();
                }
            }
        }
        return highest;
    }

    private static TokenEncoding other(TokenEncoding encoding) {
        return encoding == TokenEncoding.BASE64 ? TokenEncoding.PLAIN : TokenEncoding.BASE64;
    }

    private static String encoded(TokenEncoding encoding) {
        return encoding == TokenEncoding.BASE64 ? "Base64-encoded" : "plain";
    }

    private void unregister(Peer peer, String versionsUrl) {
        String credentialsUrl = peer.credentialsUrl().orElseThrow();
        PeerAnswer deleted = call("DELETE", credentialsUrl, PeerCredential.of(peer), null, Map.of());
        checkProtocol("credentials", deleted, null);
        if (!deleted.isSuccess()) {
            report.deviates("credentials", "unregistration", deleted.describe());
            return;
        }
        PeerAnswer after = call("GET", versionsUrl, PeerCredential.of(peer), null, Map.of());
        if (after.isSuccess()) {
            report.deviates("credentials", "unregistration", "after DELETE credentials the peer still accepts its token: GET "
                    + versionsUrl + " answered OCPI " + after.statusCode());
        } else {
            report.conforms("credentials", "unregistration", "DELETE credentials accepted, the token no longer works (HTTP "
                    + after.httpStatus() + ")");
        }
    }

    // --- The peer as Sender ------------------------------------------------------------------------------------

    private void readSender(Peer peer, String module, String moduleUrl) {
        String area = module + " sender";
        Sides sides = sides(peer, module, InterfaceRole.SENDER);
        String first = moduleUrl + (moduleUrl.contains("?") ? "&" : "?") + "limit=" + pageSize
                // The sessions list wants a date_from (mod_sessions); the others take it too.
                + (ModuleId.SESSIONS.equals(module) ? "&date_from=" + URLEncoder.encode(OcpiDateTime.format(Instant.EPOCH), StandardCharsets.UTF_8) : "");
        Set<String> seen = new HashSet<>();
        long read = 0;
        JsonNode firstObject = null;
        Long total = null;
        int pages = 0;
        boolean complete = false;
        String url = first;
        while (url != null) {
            seen.add(url);
            PeerAnswer page = call("GET", url, PeerCredential.of(peer), null, sides.routing());
            checkProtocol(area, page, sides);
            if (!page.isSuccess()) {
                report.deviates(area, "list", page.describe());
                break;
            }
            JsonNode data = page.data();
            if (data == null || !data.isArray()) {
                report.deviates(area, "envelope", "GET " + url + ": data is " + (data == null ? "missing" : data.getNodeType()) + ", not a list");
                break;
            }
            pages++;
            Long count = numberHeader(area, page, "X-Total-Count", pages);
            Long limit = numberHeader(area, page, "X-Limit", pages);
            if (data.size() > pageSize) {
                report.deviates(area, "pagination-headers", "page " + pages + " holds " + data.size() + " objects, more than the limit asked for, " + pageSize);
            }
            if (limit != null && data.size() > limit) {
                report.deviates(area, "pagination-headers", "page " + pages + " holds " + data.size() + " objects, more than its X-Limit " + limit);
            }
            total = count != null ? count : total;
            for (JsonNode object : data) {
                checkObject(area, module, peer, object);
            }
            firstObject = firstObject != null || data.isEmpty() ? firstObject : data.get(0);
            read += data.size();
            Optional<String> next = PeerLists.nextLink(page.response().headers().allValues("Link"));
            if (next.isEmpty()) {
                complete = total == null || read >= total || data.isEmpty();
                if (!complete) {
                    report.deviates(area, "link-header", "page " + pages + " ends after " + read + " of " + total
                            + " objects (X-Total-Count) without a Link to the next page");
                }
                url = null;
            } else if (data.isEmpty()) {
                report.deviates(area, "link-header", "page " + pages + " is empty, yet links to a next page " + next.get());
                url = null;
            } else {
                url = usableLink(area, first, next.get(), pages, read, seen);
            }
        }
        if (pages == 0) {
            return;
        }
        if (complete && total != null && read != total) {
            report.deviates(area, "pagination-headers", "read " + read + " objects, X-Total-Count said " + total);
        }
        report.conforms(area, "list", "read " + read + (read == 1 ? " object in " : " objects in ") + pages + (pages == 1 ? " page" : " pages"));
        report.conforms(area, "pagination-headers", "X-Total-Count and X-Limit on every page");
        report.conforms(area, "link-header", pages == 1 ? "one page, no Link needed" : "followed " + (pages - 1) + (pages == 2 ? " Link" : " Links") + " to the last page");
        if (firstObject != null && ModuleId.LOCATIONS.equals(module)) {
            readOne(area, module, peer, PeerCalls.join(moduleUrl, OcpiUrls.segment(firstObject.path("id").asText())), sides);
        }
        if (firstObject != null && ModuleId.TOKENS.equals(module)) {
            authorize(area, peer, moduleUrl, firstObject, sides);
        }
    }

    /** A Sender's GET of one object: the object itself in data, not a list around it. */
    private void readOne(String area, String module, Peer peer, String url, Sides sides) {
        PeerAnswer answer = call("GET", url, PeerCredential.of(peer), null, sides.routing());
        checkProtocol(area, answer, sides);
        if (!answer.isSuccess()) {
            report.deviates(area, "get-object", answer.describe());
            return;
        }
        report.conforms(area, "get-object", "GET " + url + " answered the object");
        single(area, answer).ifPresent(object -> checkObject(area, module, peer, object));
    }

    /** Real-time authorization of one of the eMSP's own tokens: an AuthorizationInfo, as an object. */
    private void authorize(String area, Peer peer, String moduleUrl, JsonNode token, Sides sides) {
        String url = PeerCalls.join(moduleUrl, OcpiUrls.segment(token.path("uid").asText()) + "/authorize?type="
                + URLEncoder.encode(token.path("type").asText(), StandardCharsets.UTF_8));
        PeerAnswer answer = call("POST", url, PeerCredential.of(peer), null, sides.routing());
        checkProtocol(area, answer, sides);
        if (!answer.isSuccess()) {
            report.deviates(area, "authorize", answer.describe());
            return;
        }
        single(area, answer).ifPresent(info -> {
            List<String> invalid = version.objects().violations(AUTHORIZATION_INFO, info);
            if (invalid.isEmpty()) {
                report.conforms(area, "authorize", "POST " + url + " answered a valid AuthorizationInfo");
            } else {
                report.deviates(area, "authorize", "POST " + url + " answered an invalid AuthorizationInfo: " + invalid.get(0));
            }
        });
    }

    // --- The peer as Receiver ----------------------------------------------------------------------------------

    private void writeReceiver(Peer peer, String module, String moduleUrl, ProbeFixtures fixtures) {
        String area = module + " receiver";
        boolean tokens = ModuleId.TOKENS.equals(module);
        Sides sides = sides(peer, module, InterfaceRole.RECEIVER);
        Party ours = sides.ours();
        ObjectNode example = fixtures.of(module, ours);
        String objectUrl;
        PeerAnswer pushed;
        if (ModuleId.CDRS.equals(module)) {
            pushed = call("POST", moduleUrl, PeerCredential.of(peer), example, sides.routing());
            objectUrl = pushed.header("Location").orElse(null);
        } else {
            objectUrl = PeerCalls.join(moduleUrl, ours.countryCode() + "/" + ours.partyId() + "/"
                    + OcpiUrls.segment(example.path(tokens ? "uid" : "id").asText())
                    + (tokens && version.namesTokenTypeInUrl() ? "?type=" + example.path("type").asText() : ""));
            pushed = call("PUT", objectUrl, PeerCredential.of(peer), example, sides.routing());
        }
        checkProtocol(area, pushed, sides);
        if (!pushed.isSuccess()) {
            report.deviates(area, "push", pushed.describe() + " for the specification's example");
            return;
        }
        if (objectUrl == null) {
            report.deviates(area, "push", "POST " + moduleUrl + " answered no Location header: where can the CDR be read back?");
            return;
        }
        report.conforms(area, "push", pushed.method() + " of the specification's example accepted (HTTP " + pushed.httpStatus() + ")");
        readBack(area, module, peer, objectUrl, example, sides);
        Map<String, Object> patch = PATCHES_WITHOUT_LAST_UPDATED.get(module);
        if (patch != null && version.requiresLastUpdatedInPatch()) {
            refusal(area, peer, objectUrl, patch, sides);
        } else if (patch != null) {
            report.skipped(area, "refusal", version.notIn() + ": a PATCH may leave out last_updated");
        }
        if (ModuleId.TARIFFS.equals(module)) {
            PeerAnswer deleted = call("DELETE", objectUrl, PeerCredential.of(peer), null, sides.routing());
            checkProtocol(area, deleted, sides);
            if (deleted.isSuccess()) {
                report.conforms(area, "delete", "DELETE of the example tariff accepted");
            } else {
                report.deviates(area, "delete", deleted.describe());
            }
        }
    }

    /** GET of what we pushed: the same object, as our model reads both. */
    private void readBack(String area, String module, Peer peer, String url, ObjectNode sent, Sides sides) {
        PeerAnswer answer = call("GET", url, PeerCredential.of(peer), null, sides.routing());
        checkProtocol(area, answer, sides);
        if (!answer.isSuccess()) {
            report.deviates(area, "read-back", answer.describe());
            return;
        }
        Optional<JsonNode> read = single(area, answer);
        if (read.isEmpty()) {
            return;
        }
        PeerObjects objects = version.objects();
        List<String> invalid = objects.violations(module, read.get());
        if (!invalid.isEmpty()) {
            report.deviates(area, "read-back", "GET " + url + " answered an invalid object: " + invalid.get(0));
            return;
        }
        Optional<String> difference = firstDifference(objects.comparable(module, sent), objects.comparable(module, read.get()), "");
        if (difference.isPresent()) {
            report.deviates(area, "read-back", "GET " + url + " answered another object than the one sent: " + difference.get());
        } else {
            report.conforms(area, "read-back", "GET answered the object as sent");
        }
    }

    /**
     * A PATCH without last_updated: OCPI 2001, and, since it is valid JSON addressing an existing object, no HTTP error
     * (status_codes: "a HTTP error MUST NOT be returned").
     */
    private void refusal(String area, Peer peer, String url, Map<String, Object> patch, Sides sides) {
        PeerAnswer answer = call("PATCH", url, PeerCredential.of(peer), patch, sides.routing());
        checkProtocol(area, answer, sides);
        Integer status = answer.statusCode();
        if (status == null || status < 2000) {
            report.deviates(area, "refusal", answer.describe() + " to a PATCH without last_updated; OCPI 2001 expected");
            return;
        }
        report.conforms(area, "refusal", "a PATCH without last_updated is refused with OCPI " + status);
        if (answer.httpStatus() < 200 || answer.httpStatus() > 299) {
            report.deviates(area, "http-status", answer.describe() + " to a PATCH without last_updated: a request that is valid JSON"
                    + " and addresses an existing object must not get an HTTP error (status_codes)");
        } else {
            report.conforms(area, "http-status", "an OCPI-level refusal is answered HTTP " + answer.httpStatus());
        }
    }

    // --- Every answer and every object -------------------------------------------------------------------------

    /**
     * The envelope, the request ids echoed and, for functional modules ({@code sides} not null), the routing headers
     * swapped: the answer is from the party we addressed, to ours.
     */
    private void checkProtocol(String area, PeerAnswer answer, Sides sides) {
        String call = answer.method() + " " + answer.url();
        JsonNode envelope = answer.envelope();
        if (envelope == null || !envelope.isObject() || answer.statusCode() == null) {
            report.deviates(area, "envelope", call + " answered HTTP " + answer.httpStatus() + " without an OCPI envelope (status_code)");
        } else if (!validTimestamp(envelope.get("timestamp"))) {
            report.deviates(area, "envelope", call + ": the envelope's timestamp is missing or no DateTime: " + envelope.get("timestamp"));
        } else {
            report.conforms(area, "envelope", "status_code and timestamp in every answer");
        }
        if (version.hasRequestIds()) {
            for (String id : List.of(OcpiExchange.HEADER_REQUEST_ID, OcpiExchange.HEADER_CORRELATION_ID)) {
                String sent = answer.sent(id).orElseThrow();
                Optional<String> echoed = answer.header(id);
                if (echoed.isEmpty()) {
                    report.deviates(area, "request-ids", call + " answered HTTP " + answer.httpStatus() + " without " + id);
                } else if (!echoed.get().equals(sent)) {
                    report.deviates(area, "request-ids", call + " answered " + id + " '" + echoed.get() + "' to '" + sent + "'");
                }
            }
            report.conforms(area, "request-ids", "X-Request-ID and X-Correlation-ID echoed");
        } else {
            report.skipped(area, "request-ids", version.notIn());
        }
        if (sides == null) {
            return;
        }
        if (!version.hasRoutingHeaders()) {
            report.skipped(area, "routing-headers", version.notIn());
            return;
        }
        List<String> wrong = new ArrayList<>();
        expectHeader(answer, RoutingHeaders.TO_COUNTRY_CODE, sides.ours().countryCode(), wrong);
        expectHeader(answer, RoutingHeaders.TO_PARTY_ID, sides.ours().partyId(), wrong);
        expectHeader(answer, RoutingHeaders.FROM_COUNTRY_CODE, sides.theirs().countryCode(), wrong);
        expectHeader(answer, RoutingHeaders.FROM_PARTY_ID, sides.theirs().partyId(), wrong);
        if (wrong.isEmpty()) {
            report.conforms(area, "routing-headers", "OCPI-from/OCPI-to swapped in every answer");
        } else {
            report.deviates(area, "routing-headers", call + " answered HTTP " + answer.httpStatus() + " with " + String.join(", ", wrong));
        }
    }

    private static void expectHeader(PeerAnswer answer, String name, String expected, List<String> wrong) {
        Optional<String> value = answer.header(name);
        if (value.isEmpty()) {
            wrong.add("no " + name);
        } else if (!value.get().trim().equalsIgnoreCase(expected)) {
            wrong.add(name + " '" + value.get() + "' (expected " + expected + ")");
        }
    }

    private static boolean validTimestamp(JsonNode timestamp) {
        if (timestamp == null || !timestamp.isTextual()) {
            return false;
        }
        try {
            OcpiDateTime.parse(timestamp.asText());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Long numberHeader(String area, PeerAnswer page, String name, int pageNumber) {
        Optional<String> value = page.header(name);
        if (value.isEmpty()) {
            report.deviates(area, "pagination-headers", "page " + pageNumber + " has no " + name + " header");
            return null;
        }
        try {
            long number = Long.parseLong(value.get().trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        report.deviates(area, "pagination-headers", "page " + pageNumber + ": " + name + " '" + value.get() + "' is no count");
        return null;
    }

    /** The next page's URL, or null when the Link cannot be followed safely (reported): the rules of our own pulls. */
    private String usableLink(String area, String first, String link, int page, long position, Set<String> seen) {
        URI base = URI.create(first);
        Deviation unusable = PeerLists.unusableLink(link, first, position, seen);
        if (unusable != null) {
            report.deviates(area, "link-header", "page " + page + ": the Link <" + link + "> " + switch (unusable) {
                case LINK_OTHER_ORIGIN -> "leaves the module's " + base.getScheme() + "://" + base.getAuthority();
                case LINK_UNUSABLE -> "is no URL, or carries a filter without a value (None, null)";
                case LINK_WRONG_OFFSET -> "leads to a page read before, or its offset repeats or skips objects";
                default -> "cannot be followed (" + unusable.tag() + ")";
            });
            return null;
        }
        String query = String.valueOf(URI.create(link).getRawQuery());
        if (base.getRawQuery().contains("date_from=") && !query.contains("date_from=")) {
            report.deviates(area, "link-header", "page " + page + ": the Link <" + link + "> drops the date_from filter of the request");
        }
        return link;
    }

    /** The data of an answer that must hold one object; a list around it is a deviation (its one element is read on). */
    private Optional<JsonNode> single(String area, PeerAnswer answer) {
        JsonNode data = answer.data();
        if (data != null && data.isObject()) {
            report.conforms(area, "single-object", "single objects answered as objects");
            return Optional.of(data);
        }
        String call = answer.method() + " " + answer.url();
        if (data != null && data.isArray()) {
            report.deviates(area, "single-object", call + " answered a list of " + data.size() + " where the spec wants one object");
            return data.size() == 1 && data.get(0).isObject() ? Optional.of(data.get(0)) : Optional.empty();
        }
        report.deviates(area, "envelope", call + ": data is " + (data == null ? "missing" : data.getNodeType()) + ", not an object");
        return Optional.empty();
    }

    /**
     * One object from the peer: valid by the version's objects, owned by the peer where the version names owners, no
     * fraction where the spec says int, no control characters.
     */
    private void checkObject(String area, String module, Peer peer, JsonNode item) {
        PeerObjects objects = version.objects();
        String owner = version.hasOwners() ? item.path("country_code").asText("?") + "*" + item.path("party_id").asText("?") + "/" : "";
        String name = module + " " + owner + item.path(ModuleId.TOKENS.equals(module) ? "uid" : "id").asText("?");
        List<String> fractions = objects.fractions(module, item);
        fractions.forEach(path -> report.deviates(area, "int-fraction", name + ": " + path + " where the spec wants an int"));
        List<String> controls = new ArrayList<>();
        controlCharacters(item, "", controls);
        controls.forEach(path -> report.deviates(area, "control-characters", name + ": " + path + " holds a control character"));
        if (fractions.isEmpty()) {
            report.conforms(area, "int-fraction", "no fractions in int fields");
        }
        if (controls.isEmpty()) {
            report.conforms(area, "control-characters", "no control characters in strings");
        }
        if (!fractions.isEmpty() || !controls.isEmpty()) {
            return; // such an object is invalid too: reported once, by what is wrong with it
        }
        List<String> invalid = objects.violations(module, item);
        if (!invalid.isEmpty()) {
            report.deviates(area, "object-model", name + ": " + invalid.get(0));
            return;
        }
        report.conforms(area, "object-model", "every object valid by " + objects.describe());
        if (!version.hasOwners()) {
            report.skipped(area, "ownership", version.notIn() + ": objects name no owner");
        } else if (Platform.isHub(peer)) {
            return;
        } else if (!peer.plays(item.path("country_code").asText(), item.path("party_id").asText())) {
            report.deviates(area, "ownership", name + " is owned by " + item.path("country_code").asText() + "*"
                    + item.path("party_id").asText() + ", none of the peer's parties");
        } else {
            report.conforms(area, "ownership", "every object owned by one of the peer's parties");
        }
    }

    private static void controlCharacters(JsonNode node, String path, List<String> found) {
        if (node.isTextual() && !OcpiJson.isPrintable(node.asText())) {
            found.add(path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                controlCharacters(node.get(i), path + "[" + i + "]", found);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                controlCharacters(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), found);
            }
        }
    }

    /** Where two objects as our model writes them differ first, e.g. {@code evses[0].status: RESERVED, sent AVAILABLE}. */
    private static Optional<String> firstDifference(JsonNode sent, JsonNode read, String path) {
        if (sent.isObject() && read.isObject()) {
            Set<String> names = new HashSet<>();
            sent.fieldNames().forEachRemaining(names::add);
            read.fieldNames().forEachRemaining(names::add);
            for (String name : names.stream().sorted().toList()) {
                JsonNode a = sent.path(name);
                JsonNode b = read.path(name);
                Optional<String> difference = firstDifference(a, b, path.isEmpty() ? name : path + "." + name);
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        if (sent.isArray() && read.isArray() && sent.size() == read.size()) {
            for (int i = 0; i < sent.size(); i++) {
                Optional<String> difference = firstDifference(sent.get(i), read.get(i), path + "[" + i + "]");
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        boolean absent = (sent.isMissingNode() || sent.isNull()) && (read.isMissingNode() || read.isNull());
        return absent || sent.equals(read) || sent.isNumber() && read.isNumber() && sent.decimalValue().compareTo(read.decimalValue()) == 0
                || sameInstant(sent, read)
                ? Optional.empty()
                : Optional.of(path + ": " + (read.isMissingNode() ? "missing" : read.toString()) + ", sent " + (sent.isMissingNode() ? "nothing" : sent.toString()));
    }

    /** Two DateTimes of the same instant, written differently (e.g. with and without fractions of a second). */
    private static boolean sameInstant(JsonNode sent, JsonNode read) {
        if (!sent.isTextual() || !read.isTextual() || !validTimestamp(sent) || !validTimestamp(read)) {
            return false;
        }
        return OcpiDateTime.parse(sent.asText()).equals(OcpiDateTime.parse(read.asText()));
    }

    /** Who talks to whom at a module's interface: the peer's party in the role it plays there, ours in the other. */
    private record Sides(Party ours, Party theirs, Map<String, String> routing) {
    }

    private Sides sides(Peer peer, String module, InterfaceRole peerInterface) {
        // The CPO serves locations, sessions, CDRs and tariffs and receives tokens; the eMSP the other way round.
        boolean peerIsCpo = ModuleId.TOKENS.equals(module) == (peerInterface == InterfaceRole.RECEIVER);
        Party ours = platform.party(peerIsCpo ? Role.EMSP : Role.CPO);
        Party theirs = party(peer, peerIsCpo ? Role.CPO : Role.EMSP);
        return new Sides(ours, theirs, version.hasRoutingHeaders() ? RoutingHeaders.outgoing(ours, theirs) : Map.of());
    }

    /** The peer's party in a role (its first), or its first party of any role (a hub). */
    private static Party party(Peer peer, Role role) {
        Collection<CredentialsRole> roles = peer.roles();
        CredentialsRole chosen = roles.stream().filter(r -> r.role() == role).findFirst().orElse(roles.iterator().next());
        return new Party(chosen.countryCode(), chosen.partyId());
    }

    private PeerAnswer call(String method, String url, PeerCredential credential, Object body, Map<String, String> headers) {
        return PeerAnswer.of(method, url, client.send(method, url, credential, body, headers), json);
    }
}
