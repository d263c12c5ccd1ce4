package io.ocpi.adapter.probe;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.credentials.CredentialsHandshake;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tokens.AuthorizationInfo;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiDateTime;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiJson;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RoutingHeaders;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a peer probe: registers with the peer as our (test) parties, reads every list the peer serves as a
 * Sender, sends the specification's examples to every Receiver it offers and reads them back, asks for a refusal
 * where the spec defines one, and unregisters. Each answer is held against the protocol (envelope, request ids,
 * routing headers, pagination headers and Link, HTTP status of refusals) and each object against our model.
 * Commands and charging profiles are not sent: they act on real charge points.
 */
final class PeerConformance {

    private static final Map<String, Class<? extends OwnedObject>> OBJECT_TYPES = new LinkedHashMap<>();

    static {
        OBJECT_TYPES.put(ModuleId.LOCATIONS, Location.class);
        OBJECT_TYPES.put(ModuleId.SESSIONS, Session.class);
        OBJECT_TYPES.put(ModuleId.CDRS, Cdr.class);
        OBJECT_TYPES.put(ModuleId.TARIFFS, Tariff.class);
        OBJECT_TYPES.put(ModuleId.TOKENS, Token.class);
    }

    /** A PATCH the spec refuses with 2001 (no last_updated), per module that has PATCH. */
    private static final Map<String, Map<String, Object>> PATCHES_WITHOUT_LAST_UPDATED = Map.of(
            ModuleId.LOCATIONS, Map.of("publish", false), ModuleId.SESSIONS, Map.of("kwh", 0), ModuleId.TOKENS, Map.of("valid", true));

    private final CredentialsHandshake handshake;
    private final OcpiClient client;
    private final OcpiBodies bodies;
    private final Platform platform;
    private final OcpiUrls urls;
    private final ObjectMapper json;
    private final ProbeReport report;
    private final int pageSize;

    PeerConformance(CredentialsHandshake handshake, OcpiClient client, OcpiBodies bodies, Platform platform, OcpiUrls urls,
                    ObjectMapper json, ProbeReport report, int pageSize) {
        this.handshake = handshake;
        this.client = client;
        this.bodies = bodies;
        this.platform = platform;
        this.urls = urls;
        this.json = json;
        this.report = report;
        this.pageSize = pageSize;
    }

    /**
     * Registers in {@code version} (null: 2.2.1, the version whose objects the module checks read), as our {@code role}
     * towards a 2.1.1 peer (null: our only one). In another version only the handshake is checked.
     */
    void run(String versionsUrl, String tokenA, VersionNumber version, Role role) {
        Optional<TokenEncoding> encoding = versions(versionsUrl, tokenA);
        if (encoding.isEmpty()) {
            return;
        }
        Peer peer;
        try {
            peer = handshake.register("conformance probe", versionsUrl, tokenA, encoding.get(),
                    version == null ? VersionNumber.V2_2_1 : version, role);
        } catch (RuntimeException refused) {
            boolean couldNotReachUs = refused.getCause() instanceof PeerCallException call
                    && Integer.valueOf(OcpiStatus.UNABLE_TO_USE_CLIENT_API.code()).equals(call.ocpiStatus());
            report.deviates("credentials", "registration", refused.getMessage() + (couldNotReachUs
                    ? " (the peer reads our versions at " + urls.versions() + " during the handshake: can it reach that URL?"
                    + " --server.port and --ocpi.public-url set it)" : ""));
            return;
        }
        report.connected(true);
        report.conforms("credentials", "registration", "registered in OCPI " + peer.ocpiVersion() + " as " + platform.parties(Role.CPO) + " (CPO) and "
                + platform.parties(Role.EMSP) + " (eMSP); the peer is " + peer.roles().stream()
                .map(r -> r.countryCode() + "*" + r.partyId() + " (" + r.role() + ")").toList());
        try {
            if (peer.ocpiVersion() != VersionNumber.V2_2_1) {
                report.skipped("modules", "not probed", "the module checks read OCPI 2.2.1's objects; registered in " + peer.ocpiVersion());
                return;
            }
            for (String module : OBJECT_TYPES.keySet()) {
                peer.endpoint(module, InterfaceRole.SENDER).ifPresent(url -> probe(module + " sender", () -> readSender(peer, module, url)));
            }
            for (String module : OBJECT_TYPES.keySet()) {
                peer.endpoint(module, InterfaceRole.RECEIVER).ifPresent(url -> probe(module + " receiver", () -> writeReceiver(peer, module, url)));
            }
            for (Endpoint endpoint : peer.endpoints()) {
                if (ModuleId.COMMANDS.equals(endpoint.identifier()) || ModuleId.CHARGING_PROFILES.equals(endpoint.identifier())) {
                    report.skipped(endpoint.identifier() + " " + endpoint.role().name().toLowerCase(), "not probed",
                            "not sent: commands and charging profiles act on real charge points");
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

    /** Reads the versions with token A, Base64-encoded as 2.2.1 wants it, else plain; answers the encoding that worked. */
    private Optional<TokenEncoding> versions(String versionsUrl, String tokenA) {
        try {
            PeerAnswer base64 = call("GET", versionsUrl, new PeerCredential(tokenA, TokenEncoding.BASE64), null, Map.of());
            if (base64.isSuccess()) {
                checkProtocol("versions", base64, null);
                report.conforms("versions", "token-encoding", "token A accepted Base64-encoded");
                return Optional.of(TokenEncoding.BASE64);
            }
            PeerAnswer plain = call("GET", versionsUrl, new PeerCredential(tokenA, TokenEncoding.PLAIN), null, Map.of());
            if (plain.isSuccess()) {
                checkProtocol("versions", plain, null);
                report.deviates("versions", "token-encoding", "token A is refused Base64-encoded (" + base64.describe()
                        + ") and accepted plain; OCPI 2.2.1 sends credentials tokens Base64-encoded");
                return Optional.of(TokenEncoding.PLAIN);
            }
            report.deviates("versions", "versions", base64.describe() + "; plain token: HTTP " + plain.httpStatus());
        } catch (PeerCallException unreachable) {
            report.deviates("versions", "versions", unreachable.getMessage());
        }
        return Optional.empty();
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
            try {
                bodies.convert(info, AuthorizationInfo.class);
                report.conforms(area, "authorize", "POST " + url + " answered a valid AuthorizationInfo");
            } catch (OcpiException invalid) {
                report.deviates(area, "authorize", "POST " + url + " answered an invalid AuthorizationInfo: " + invalid.getMessage());
            }
        });
    }

    // --- The peer as Receiver ----------------------------------------------------------------------------------

    private void writeReceiver(Peer peer, String module, String moduleUrl) {
        String area = module + " receiver";
        boolean tokens = ModuleId.TOKENS.equals(module);
        Sides sides = sides(peer, module, InterfaceRole.RECEIVER);
        Party ours = sides.ours();
        ObjectNode example = new ProbeFixtures(json, party(peer, Role.EMSP)).of(module, ours);
        String objectUrl;
        PeerAnswer pushed;
        if (ModuleId.CDRS.equals(module)) {
            pushed = call("POST", moduleUrl, PeerCredential.of(peer), example, sides.routing());
            objectUrl = pushed.header("Location").orElse(null);
        } else {
            objectUrl = PeerCalls.join(moduleUrl, ours.countryCode() + "/" + ours.partyId() + "/"
                    + OcpiUrls.segment(example.path(tokens ? "uid" : "id").asText()) + (tokens ? "?type=" + example.path("type").asText() : ""));
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
        if (patch != null) {
            refusal(area, peer, objectUrl, patch, sides);
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
        Class<? extends OwnedObject> type = OBJECT_TYPES.get(module);
        JsonNode expected = json.valueToTree(bodies.convert(sent, type));
        JsonNode actual;
        try {
            actual = json.valueToTree(bodies.convert(read.get(), type));
        } catch (OcpiException invalid) {
            report.deviates(area, "read-back", "GET " + url + " answered an invalid object: " + invalid.getMessage());
            return;
        }
        Optional<String> difference = firstDifference(expected, actual, "");
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
        if (sides == null) {
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

    /** One object from the peer: valid by our model, owned by the peer, no fraction where the spec says int, no control characters. */
    private void checkObject(String area, String module, Peer peer, JsonNode item) {
        Class<? extends OwnedObject> type = OBJECT_TYPES.get(module);
        String name = module + " " + item.path("country_code").asText("?") + "*" + item.path("party_id").asText("?") + "/"
                + item.path(ModuleId.TOKENS.equals(module) ? "uid" : "id").asText("?");
        List<String> fractions = new ArrayList<>();
        fractionsInIntegers(item, json.constructType(type), "", fractions);
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
            return; // the model refuses such an object too: reported once, by what is wrong with it
        }
        OwnedObject object;
        try {
            object = bodies.convert(item, type);
        } catch (OcpiException invalid) {
            report.deviates(area, "object-model", name + ": " + invalid.getMessage());
            return;
        }
        report.conforms(area, "object-model", "every object valid by the 2.2.1 model");
        boolean hub = Platform.isHub(peer);
        if (!hub && !peer.plays(object.countryCode(), object.partyId())) {
            report.deviates(area, "ownership", name + " is owned by " + Party.of(object) + ", none of the peer's parties");
        } else if (!hub) {
            report.conforms(area, "ownership", "every object owned by one of the peer's parties");
        }
    }

    /** Paths of numbers with a fraction where our model (the spec's types) holds an int. */
    private void fractionsInIntegers(JsonNode node, JavaType type, String path, List<String> found) {
        if (node.isNumber() && !node.isIntegralNumber() && isInteger(type) && node.decimalValue().stripTrailingZeros().scale() > 0) {
            found.add(path + " is " + node.asText());
        } else if (node.isArray() && type.getContentType() != null) {
            for (int i = 0; i < node.size(); i++) {
                fractionsInIntegers(node.get(i), type.getContentType(), path + "[" + i + "]", found);
            }
        } else if (node.isObject() && !type.isContainerType() && !type.isJavaLangObject()) {
            for (BeanPropertyDefinition property : json.getDeserializationConfig().introspect(type).findProperties()) {
                JsonNode value = node.get(property.getName());
                if (value != null) {
                    fractionsInIntegers(value, property.getPrimaryType(), path.isEmpty() ? property.getName() : path + "." + property.getName(), found);
                }
            }
        }
    }

    private static boolean isInteger(JavaType type) {
        Class<?> raw = type.getRawClass();
        return raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class || raw == Short.class || raw == short.class;
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
        return sent.equals(read) || sent.isNumber() && read.isNumber() && sent.decimalValue().compareTo(read.decimalValue()) == 0
                ? Optional.empty()
                : Optional.of(path + ": " + (read.isMissingNode() ? "missing" : read.toString()) + ", sent " + (sent.isMissingNode() ? "nothing" : sent.toString()));
    }

    /** Who talks to whom at a module's interface: the peer's party in the role it plays there, ours in the other. */
    private record Sides(Party ours, Party theirs, Map<String, String> routing) {
    }

    private Sides sides(Peer peer, String module, InterfaceRole peerInterface) {
        // The CPO serves locations, sessions, CDRs and tariffs and receives tokens; the eMSP the other way round.
        boolean peerIsCpo = ModuleId.TOKENS.equals(module) == (peerInterface == InterfaceRole.RECEIVER);
        Party ours = platform.party(peerIsCpo ? Role.EMSP : Role.CPO);
        Party theirs = party(peer, peerIsCpo ? Role.CPO : Role.EMSP);
        return new Sides(ours, theirs, RoutingHeaders.outgoing(ours, theirs));
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
