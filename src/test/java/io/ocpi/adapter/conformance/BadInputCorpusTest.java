package io.ocpi.adapter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input on every endpoint that takes a body or an id in its URL: malformed JSON, wrong types, missing required
 * fields, over-long strings, unknown enum values, bad dates, broken UTF-8, lone surrogates, deep nesting, duplicate
 * keys, a body over the size limit, control characters and line breaks in text, CiStrings that are not ASCII, ids in
 * bodies that no URL can carry, fractions where an int belongs, URL ids that are too long, not printable ASCII, or
 * differ from the body's. Each is answered with a client error whose message names the field or the problem: OCPI
 * 2001 with HTTP 200 when the request reached the OCPI layer (valid JSON), HTTP 400 when it did not (no valid JSON, a
 * URL the web server refuses), 413 for the body size. Afterwards the database holds exactly what it held before, and
 * a valid request still works.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest {

    static PeerPlatform platform;
    static FakePeer hub;
    static String hubToken;
    static String tokenA;
    static String profileRequestId;
    static List<String> before;
    static long outboxMark;
    static Long stored;
    static final AtomicInteger tried = new AtomicInteger();
    static final AtomicInteger refused = new AtomicInteger();

    static final String LAST_UPDATED = "2024-01-01T00:00:00Z";
    static final String RESPONSE_URL = "http://localhost:9/results/1";

    @BeforeAll
    static void start() throws Exception {
        platform = PeerPlatform.start("badinput");
        hub = new FakePeer().offering221("credentials", "hubclientinfo");
        hubToken = platform.adapter.ocpi("POST", "/ocpi/2.2.1/credentials", platform.adapter.invite("hub"), Map.of(
                "token", "hub-token", "url", hub.url("/versions"), "roles", List.of(Map.of("role", "HUB", "country_code", "EU",
                        "party_id", "HUB", "business_details", Map.of("name", "Roaming Hub"))))).assertStatus(200).data().get("token").asText();
        tokenA = platform.adapter.invite("newcomer");

        // What the PATCHes and nested PUTs of the corpus would change, had they been accepted.
        platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/LOC0", location("LOC0")).assertStatus(201);
        platform.call("PUT", "/ocpi/emsp/2.2.1/sessions/NL/PCP/S0", session("S0")).assertStatus(201);
        platform.call("PUT", "/ocpi/cpo/2.2.1/tokens/NL/TNM/TK0?type=RFID", token("TK0")).assertStatus(201);
        platform.publish("sessions", Samples.session("ADC", "OURS1", "PMS", LAST_UPDATED));
        platform.publish("tokens", Samples.token("OURTOKEN", true, LAST_UPDATED));

        // A charging profile request we sent, whose result the peer may post to us.
        platform.adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocpi.chargingprofiles.requested").setBody(constant("ACCEPTED"));
            }
        });
        platform.peer.on("/2.2.1/receiver/chargingprofiles/THEIR-S", Answer.ocpi("{\"result\":\"ACCEPTED\",\"timeout\":30}"));
        profileRequestId = platform.input("ocpi.chargingprofiles.send", PROFILE, Map.of("OcpiOperation", "SET",
                "OcpiObjectId", "THEIR-S", "OcpiCountryCode", "NL", "OcpiPartyId", "PCP")).getMessage().getHeader("OcpiRequestId", String.class);
        before = database();
        outboxMark = platform.adapter.bean(JdbcClient.class).sql("SELECT COALESCE(MAX(id), 0) FROM ocpi_outbox").query(Long.class).single();
    }

    @AfterAll
    static void stop() {
        System.out.println("bad input (" + TestDatabase.kind() + "): " + tried.get() + " tried, " + refused.get() + " refused, "
                + (stored == null ? "?" : stored) + " stored");
        if (platform != null) {
            platform.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    // --- Valid bodies, to be broken ----------------------------------------------------------------------------

    static final String PROFILE = """
            {"charging_rate_unit":"W","charging_profile_period":[{"start_period":0,"limit":11000.0}]}""";

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) AdapterInstance.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode location(String id) {
        return json(Samples.location(id, LAST_UPDATED).replace("\"ADC\"", "\"PCP\""));
    }

    static ObjectNode evse(String uid) {
        ObjectNode evse = (ObjectNode) location("X").get("evses").get(0).deepCopy();
        evse.put("uid", uid);
        evse.put("evse_id", "NL*PCP*E" + uid);
        return evse;
    }

    static ObjectNode connector(String id) {
        ObjectNode connector = (ObjectNode) evse("X").get("connectors").get(0).deepCopy();
        connector.put("id", id);
        connector.putArray("tariff_ids").add("T1");
        return connector;
    }

    static ObjectNode session(String id) {
        return json(Samples.session("PCP", id, "TNM", LAST_UPDATED));
    }

    static ObjectNode token(String uid) {
        return json(Samples.token(uid, true, LAST_UPDATED).replace("\"ADE\"", "\"TNM\""));
    }

    static ObjectNode commandToken() {
        return json(Samples.token("CMD1", true, LAST_UPDATED).replace("\"ADE\"", "\"TNM\""));
    }

    // --- The endpoints -----------------------------------------------------------------------------------------

    /**
     * One endpoint and how to break its body. {@code url} holds {@code {id}} where the URL names the object, and
     * {@code idField} is the body field that must agree with it. Paths into the body are written a/0/b, and named in
     * refusals as a[0].b.
     */
    record Endpoint(String name, String method, String url, String urlId, String idField, String idParam, int idMax,
                    ObjectNode body, String token, List<Case> cases) {

        String path(String id) {
            return url.replace("{id}", id);
        }
    }

    /** One bad request, and what its refusal must say. */
    record Case(String what, String urlId, byte[] body, int status, int ocpiStatus, String messagePart) {
        @Override
        public String toString() {
            return what;
        }
    }

    static String named(String path) {
        return path.replaceAll("/(\\d+)", "[$1]").replace('/', '.');
    }

    static ObjectNode with(ObjectNode body, String path, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        String[] parts = path.split("/");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parts[i].matches("\\d+") ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), value);
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    static byte[] bytes(Object body) {
        try {
            return body instanceof byte[] raw ? raw
                    : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : AdapterInstance.JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the corpus of one endpoint. */
    static final class Corpus {
        final String name;
        final String method;
        final String url;
        final String urlId;
        final ObjectNode body;
        final String token;
        final String idField;
        final String idParam;
        final int idMax;
        final List<Case> cases = new ArrayList<>();

        Corpus(String name, String method, String url, String urlId, String idField, String idParam, int idMax, ObjectNode body, String token) {
            this.name = name;
            this.method = method;
            this.url = url;
            this.urlId = urlId;
            this.idField = idField;
            this.idParam = idParam;
            this.idMax = idMax;
            this.body = body;
            this.token = token;
            everyBody();
        }

        /** Valid JSON that is no valid object: refused at the OCPI layer, HTTP 200 and OCPI 2001. */
        Corpus refuse(String what, Object broken, String messagePart) {
            cases.add(new Case(what, urlId, bytes(broken), 200, 2001, messagePart));
            return this;
        }

        /** A body that is no valid JSON: HTTP 400 and OCPI 2001. */
        Corpus notJson(String what, Object broken, String messagePart) {
            cases.add(new Case(what, urlId, bytes(broken), 400, 2001, messagePart));
            return this;
        }

        /** What every body endpoint must refuse, whatever its object. */
        private void everyBody() {
            String text = body.toString();
            notJson("malformed JSON", text.substring(0, text.length() / 2), "malformed JSON");
            notJson("empty body", "", "request body: missing");
            refuse("JSON null", "null", "request body: must be a JSON object");
            refuse("array for the object", "[" + text + "]", "request body: must be a JSON object");
            refuse("string for the object", "\"" + name + "\"", "request body: must be a JSON object");
            notJson("trailing garbage", text + "}", "malformed JSON");
            notJson("unquoted NaN", text.substring(0, text.length() - 1) + ",\"nan\":NaN}", "malformed JSON");
            notJson("invalid UTF-8 (0xFF)", broken(text, new byte[] {(byte) 0xFF}), "request body: not valid UTF-8: byte 0xFF at offset");
            notJson("invalid UTF-8 (truncated sequence)", broken(text, new byte[] {(byte) 0xC3, '"'}), "request body: not valid UTF-8: byte 0xC3");
            notJson("invalid UTF-8 (overlong)", broken(text, new byte[] {(byte) 0xC0, (byte) 0xAF}), "request body: not valid UTF-8: byte 0xC0");
            notJson("invalid UTF-8 (encoded surrogate)", broken(text, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                    "request body: not valid UTF-8: byte 0xED");
            notJson("invalid UTF-8 (last byte cut off)", cutOff(text), "request body: not valid UTF-8");
            StringBuilder deep = new StringBuilder(text.substring(0, text.length() - 1)).append(",\"deep\":");
            deep.append("[".repeat(10_000)).append("]".repeat(10_000)).append('}');
            notJson("10,000 nested arrays", deep.toString(), "nesting depth");
            StringBuilder deepObjects = new StringBuilder(text.substring(0, text.length() - 1)).append(",\"deep\":");
            deepObjects.append("{\"a\":".repeat(10_000)).append("1").append("}".repeat(10_000)).append('}');
            notJson("10,000 nested objects", deepObjects.toString(), "nesting depth");
            cases.add(new Case(HUGE, urlId, bytes(text), 413, 2000, "larger than"));
        }

        /** A body whose first string value holds raw bytes that are not UTF-8. */
        private static byte[] broken(String text, byte[] bad) {
            int quote = text.indexOf(":\"") + 2;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(text.substring(0, quote).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad);
            out.writeBytes(text.substring(quote).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        /** The body with a two-byte character at its very end, whose second byte is missing. */
        private static byte[] cutOff(String text) {
            byte[] whole = (text + "\u00e9").getBytes(StandardCharsets.UTF_8);
            return java.util.Arrays.copyOf(whole, whole.length - 1);
        }


        Corpus string(String path) {
            String field = named(path);
            refuse("number for string " + field, with(body, path, IntNode.valueOf(12345)), field + ": must be a string");
            refuse("object for string " + field, with(body, path, json("{\"a\":1}")), field + ": must be a string");
            refuse("lone surrogate in " + field, with(body, path, TextNode.valueOf("a\ud800b")), field + ": contains an unpaired surrogate");
            refuse("lone low surrogate in " + field, with(body, path, TextNode.valueOf("\udc00")), field + ": contains an unpaired surrogate");
            return this;
        }

        /** OCPI strings are printable: no control character, line break or tab, in any text field. */
        Corpus text(String path) {
            String field = named(path);
            Map<String, String> unprintable = new java.util.LinkedHashMap<>();
            unprintable.put("line break", "a\r\nb");
            unprintable.put("tab", "a\tb");
            unprintable.put("NUL", "a\u0000b");
            unprintable.put("DEL", "a\u007fb");
            unprintable.put("C1 control", "a\u0085b");
            unprintable.put("Unicode line separator", "a\u2028b");
            unprintable.forEach((what, value) -> refuse(what + " in " + field, with(body, path, TextNode.valueOf(value)),
                    field + ": must be printable text"));
            return this;
        }

        /** A CiString: printable ASCII. */
        Corpus ciString(String path) {
            String field = named(path);
            refuse("non-ASCII CiString " + field, with(body, path, TextNode.valueOf("caf\u00e9")), field + ": must be printable ASCII");
            refuse("line break in CiString " + field, with(body, path, TextNode.valueOf("a\nb")), field + ": must be printable text");
            return this;
        }

        /** The id of an object URLs name, or a reference to one: a CiString that fits in one URL path segment. */
        Corpus objectId(String path) {
            String field = named(path);
            ciString(path);
            refuse("NUL in id " + field, with(body, path, TextNode.valueOf("a\u0000b")), field + ": must be printable text");
            refuse("CR LF in id " + field, with(body, path, TextNode.valueOf("a\r\nb")), field + ": must be printable text");
            for (String id : List.of("a/b\\c", "../..", "..", ".", "a%2Fb", "1;DROP")) {
                refuse("id " + field + " '" + id + "' that no URL can carry", with(body, path, TextNode.valueOf(id)),
                        field + ": must fit in a URL path segment");
            }
            return this;
        }

        /** An OCPI int: a fraction is refused, never cut off. */
        Corpus integer(String path) {
            String field = named(path);
            refuse("fraction for int " + field, with(body, path, json("{\"a\":230.5}").get("a")), field + ": must be a whole number, not 230.5");
            refuse("small fraction for int " + field, with(body, path, json("{\"a\":16.0001}").get("a")), field + ": must be a whole number, not 16.0001");
            refuse("exponent with fraction for int " + field, with(body, path, json("{\"a\":2.305e2}").get("a")), field + ": must be a whole number");
            refuse("int out of range " + field, with(body, path, json("{\"a\":3000000000}").get("a")), field + ": must be a whole number");
            return this;
        }

        Corpus number(String path) {
            String field = named(path);
            refuse("string for number " + field, with(body, path, TextNode.valueOf("12")), field + ": must be a number");
            refuse("array for number " + field, with(body, path, json("{\"a\":[1]}").get("a")), field + ": must be a number");
            return this;
        }

        Corpus bool(String path) {
            String field = named(path);
            refuse("string for boolean " + field, with(body, path, TextNode.valueOf("true")), field + ": must be true or false");
            return this;
        }

        Corpus array(String path) {
            String field = named(path);
            refuse("object for array " + field, with(body, path, json("{\"a\":1}")), field + ": must be an array");
            refuse("string for array " + field, with(body, path, TextNode.valueOf("x")), field + ": must be an array");
            return this;
        }

        Corpus required(String path, String message) {
            String field = named(path);
            if (method.equals("PATCH")) {
                refuse("null for required " + field, with(body, path, com.fasterxml.jackson.databind.node.NullNode.getInstance()),
                        field + ": " + message);
            } else {
                refuse("missing required " + field, with(body, path, null), field + ": " + message);
            }
            return this;
        }

        Corpus required(String path) {
            return required(path, "must not be null");
        }

        Corpus maxLength(String path, int max) {
            String field = named(path);
            refuse("over-long " + field, with(body, path, TextNode.valueOf("X".repeat(max + 1))), field + ": size must be between");
            return this;
        }

        Corpus enumeration(String path) {
            String field = named(path);
            refuse("unknown enum value in " + field, with(body, path, TextNode.valueOf("SOMETHING_ELSE")), field + ": unknown value 'SOMETHING_ELSE'");
            refuse("lower-case enum value in " + field, with(body, path, TextNode.valueOf("rfid")), field + ": unknown value 'rfid'");
            refuse("number for enum " + field, with(body, path, IntNode.valueOf(1)), field + ": ");
            return this;
        }

        Corpus date(String path) {
            String field = named(path);
            refuse("bad date in " + field, with(body, path, TextNode.valueOf("yesterday")), field + ": must be an RFC 3339 date-time");
            refuse("date without time in " + field, with(body, path, TextNode.valueOf("2024-01-01")), field + ": must be an RFC 3339 date-time");
            refuse("impossible date in " + field, with(body, path, TextNode.valueOf("2024-02-30T10:00:00Z")), field + ": must be an RFC 3339 date-time");
            refuse("number for date " + field, with(body, path, IntNode.valueOf(1704067200)), field + ": must be an RFC 3339 date-time");
            return this;
        }

        Corpus duplicate(String field) {
            String text = body.toString();
            String value = body.get(field).toString();
            notJson("duplicate key " + field, "{\"" + field + "\":" + value + "," + text.substring(1), "Duplicate field '" + field + "'");
            return this;
        }

        /** The URL names the object: its id must be a valid CiString and agree with the body's. */
        Corpus urlIds() {
            cases.add(new Case("URL id differs from body " + idField, "OTHER1", bytes(body), 200, 2001,
                    idField + ": '" + body.get(idField).asText() + "' differs from 'OTHER1' in the URL"));
            cases.add(new Case("body " + idField + " differs from URL id", urlId, bytes(with(body, idField, TextNode.valueOf("OTHER2"))), 200, 2001,
                    idField + ": 'OTHER2' differs from '" + urlId + "' in the URL"));
            cases.add(new Case("quotes and SQL in the URL id", "x'%20OR%20'1'%3D'1", bytes(body), 200, 2001, idField + ": '"));
            cases.add(new Case("over-long URL id", "U".repeat(idMax + 1), bytes(with(body, idField, TextNode.valueOf("U".repeat(idMax + 1)))),
                    200, 2001, idParam + ": at most " + idMax + " characters"));
            cases.add(new Case("tab in the URL id", "A%09B", bytes(body), 200, 2001, idParam + ": must be printable ASCII"));
            cases.add(new Case("non-ASCII URL id", "%C3%A9t%C3%A9", bytes(body), 200, 2001, idParam + ": must be printable ASCII"));
            // Refused by the HTTP firewall before any route: the envelope says which part of the URL.
            cases.add(new Case("SQL statement in the URL id", "1%3B%20DROP%20TABLE%20ocpi_object", bytes(body), 400, 2001, "malicious String \"%3B\""));
            cases.add(new Case("line break in the URL id", "A%0AB", bytes(body), 400, 2001, "malicious String"));
            cases.add(new Case("NUL in the URL id", "A%00B", bytes(body), 400, 2000, "refused by the web server"));
            // Refused by the web server itself, before the firewall.
            cases.add(new Case("encoded slash in the URL id", "a%2Fb", bytes(body), 400, 2000, "refused by the web server"));
            cases.add(new Case("encoded backslash in the URL id", "a%5Cb", bytes(body), 400, 2000, "refused by the web server"));
            cases.add(new Case("dot segments in the URL id", "..%2F..%2Fversions", bytes(body), 400, 2000, "refused by the web server"));
            return this;
        }

        /** The body may be left out (authorize without LocationReferences). */
        Corpus bodyOptional() {
            cases.removeIf(c -> c.what().equals("empty body"));
            return this;
        }

        Endpoint endpoint() {
            return new Endpoint(name, method, url, urlId, idField, idParam, idMax, body, token, List.copyOf(cases));
        }
    }

    static Corpus corpus(String name, String method, String url, String urlId, String idField, String idParam, int idMax, ObjectNode body) {
        return new Corpus(name, method, url, urlId, idField, idParam, idMax, body, null);
    }

    static Corpus corpus(String name, String method, String url, ObjectNode body) {
        return new Corpus(name, method, url, "", null, null, 0, body, null);
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        String locations = "/ocpi/emsp/2.2.1/locations/NL/PCP";
        all.add(corpus("PUT location", "PUT", locations + "/{id}", "L-NEW", "id", "location_id", 36, location("L-NEW"))
                .urlIds().string("city").string("evses/0/evse_id").maxLength("city", 45).maxLength("evses/0/uid", 36)
                .number("evses/0/connectors/0/max_voltage").bool("publish").array("evses").array("facilities").enumeration("evses/0/status")
                .enumeration("parking_type").date("last_updated").date("evses/0/connectors/0/last_updated").required("coordinates")
                .required("evses/0/connectors/0/standard").required("coordinates/latitude").duplicate("id")
                .objectId("id").objectId("evses/0/uid").objectId("evses/0/connectors/0/id").ciString("evses/0/evse_id").text("name")
                .integer("evses/0/connectors/0/max_voltage")
                .refuse("line break in a DisplayText", with(location("L-NEW"), "directions",
                        json("{\"a\":[{\"language\":\"en\",\"text\":\"Turn left\\nthen right\"}]}").get("a")), "directions[0].text: must be printable text")
                .endpoint());
        all.add(corpus("PUT EVSE", "PUT", locations + "/LOC0/{id}", "E-NEW", "uid", "evse_uid", 36, evse("E-NEW"))
                .urlIds().string("evse_id").maxLength("evse_id", 48).maxLength("connectors/0/id", 36).number("connectors/0/max_amperage")
                .array("connectors").array("capabilities").enumeration("status").enumeration("connectors/0/format").date("last_updated")
                .required("status").required("connectors", "must not be empty").duplicate("uid")
                .objectId("uid").ciString("evse_id").text("physical_reference").integer("connectors/0/max_amperage").endpoint());
        all.add(corpus("PUT connector", "PUT", locations + "/LOC0/LOC0-E1/{id}", "9", "id", "connector_id", 36, connector("9"))
                .urlIds().string("terms_and_conditions").maxLength("tariff_ids/0", 36).number("max_voltage").array("tariff_ids")
                .enumeration("standard").enumeration("power_type").date("last_updated").required("format").duplicate("id")
                .objectId("id").objectId("tariff_ids/0").text("terms_and_conditions").integer("max_voltage").integer("max_electric_power")
                .endpoint());
        all.add(corpus("PATCH location", "PATCH", locations + "/LOC0", json("{\"name\":\"Renamed\",\"last_updated\":\"2024-02-01T00:00:00Z\"}"))
                .string("name").maxLength("name", 255).array("facilities").enumeration("parking_type").date("last_updated")
                .required("address").refuse("PATCH without last_updated", json("{\"name\":\"x\"}"), "last_updated: required in every PATCH")
                .refuse("PATCH of the id", json("{\"id\":\"OTHER\",\"last_updated\":\"2024-02-01T00:00:00Z\"}"), "id: 'OTHER' differs from 'LOC0'")
                .refuse("PATCH with a wrong-typed EVSE list", json("{\"evses\":[1],\"last_updated\":\"2024-02-01T00:00:00Z\"}"), "evses[0]: must be an object")
                .duplicate("name").text("name").endpoint());
        all.add(corpus("PATCH EVSE", "PATCH", locations + "/LOC0/LOC0-E1", json("{\"status\":\"CHARGING\",\"evse_id\":\"NL*PCP*E1\",\"last_updated\":\"2024-02-01T00:00:00Z\"}"))
                .string("evse_id").maxLength("evse_id", 48).enumeration("status").date("last_updated").required("status")
                .refuse("PATCH of the uid", json("{\"uid\":\"OTHER\",\"last_updated\":\"2024-02-01T00:00:00Z\"}"), "uid: 'OTHER' differs from 'LOC0-E1'")
                .refuse("PATCH without last_updated", json("{\"status\":\"CHARGING\"}"), "last_updated: required in every PATCH")
                .duplicate("status").ciString("evse_id").endpoint());
        all.add(corpus("PATCH connector", "PATCH", locations + "/LOC0/LOC0-E1/1", json("{\"max_amperage\":16,\"tariff_ids\":[\"T1\"],\"last_updated\":\"2024-02-01T00:00:00Z\"}"))
                .number("max_amperage").array("tariff_ids").maxLength("tariff_ids/0", 36).date("last_updated").required("standard")
                .refuse("PATCH of the id", json("{\"id\":\"2\",\"last_updated\":\"2024-02-01T00:00:00Z\"}"), "id: '2' differs from '1'")
                .duplicate("max_amperage").integer("max_amperage").objectId("tariff_ids/0").endpoint());

        String sessions = "/ocpi/emsp/2.2.1/sessions/NL/PCP";
        all.add(corpus("PUT session", "PUT", sessions + "/{id}", "S-NEW", "id", "session_id", 36, session("S-NEW"))
                .urlIds().string("meter_id").string("cdr_token/uid").maxLength("location_id", 36).maxLength("currency", 3).number("kwh")
                .array("charging_periods").enumeration("status").enumeration("cdr_token/type").date("start_date_time").required("cdr_token")
                .required("cdr_token/contract_id").duplicate("id").objectId("id").objectId("location_id").objectId("cdr_token/uid")
                .ciString("cdr_token/contract_id").ciString("authorization_reference").text("meter_id").endpoint());
        all.add(corpus("PATCH session", "PATCH", sessions + "/S0", json("{\"kwh\":2.5,\"last_updated\":\"2024-02-01T00:00:00Z\"}"))
                .number("kwh").array("charging_periods").enumeration("status").date("last_updated").required("currency")
                .refuse("PATCH with a charging period lacking dimensions", json("{\"charging_periods\":[{\"start_date_time\":\"2024-01-01T10:00:00Z\"}],"
                        + "\"last_updated\":\"2024-02-01T00:00:00Z\"}"), "charging_periods[0].dimensions: must not be empty")
                .refuse("PATCH without last_updated", json("{\"kwh\":2.5}"), "last_updated: required in every PATCH")
                .duplicate("kwh").text("meter_id").objectId("evse_uid").endpoint());

        ObjectNode cdr = json(Samples.cdr("PCP", "CDR-NEW", "TNM"));
        all.add(corpus("POST CDR", "POST", "/ocpi/emsp/2.2.1/cdrs", cdr)
                .string("remark").string("cdr_location/address").maxLength("id", 39).maxLength("cdr_location/evse_uid", 36)
                .maxLength("cdr_token/uid", 36).number("total_energy").number("charging_periods/0/dimensions/0/volume")
                .array("charging_periods").enumeration("auth_method").enumeration("cdr_location/connector_standard")
                .enumeration("charging_periods/0/dimensions/0/type").date("end_date_time").required("cdr_location")
                .required("charging_periods", "must not be empty").required("total_cost/excl_vat").duplicate("id")
                .refuse("credit CDR without its reference", with(cdr, "credit", com.fasterxml.jackson.databind.node.BooleanNode.TRUE),
                        "credit_reference_id: must be set for a credit CDR")
                .objectId("id").objectId("session_id").objectId("cdr_location/id").objectId("cdr_location/evse_uid")
                .ciString("cdr_location/evse_id").ciString("invoice_reference_id").text("cdr_location/address").text("remark")
                .endpoint());

        all.add(corpus("PUT tariff", "PUT", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/{id}", "T-NEW", "id", "tariff_id", 36, json(Samples.tariff("PCP", "T-NEW")))
                .urlIds().string("currency").maxLength("currency", 3).number("elements/0/price_components/0/price")
                .number("elements/0/price_components/0/step_size").array("elements").enumeration("elements/0/price_components/0/type")
                .date("last_updated").required("elements", "must not be empty").duplicate("currency")
                .objectId("id").text("currency").integer("elements/0/price_components/0/step_size").endpoint());

        String tokens = "/ocpi/cpo/2.2.1/tokens/NL/TNM";
        all.add(corpus("PUT token", "PUT", tokens + "/{id}?type=RFID", "TK-NEW", "uid", "token_uid", 36, token("TK-NEW"))
                .urlIds().string("issuer").maxLength("contract_id", 36).maxLength("issuer", 64).bool("valid").enumeration("type")
                .enumeration("whitelist").date("last_updated").required("valid").required("whitelist").duplicate("uid")
                .refuse("URL type differs from body type", with(token("TK-NEW"), "type", TextNode.valueOf("APP_USER")), "type: 'APP_USER' differs from 'RFID'")
                .objectId("uid").ciString("contract_id").ciString("group_id").text("issuer").endpoint());
        all.add(corpus("PATCH token", "PATCH", tokens + "/TK0?type=RFID", json("{\"valid\":false,\"last_updated\":\"2024-02-01T00:00:00Z\"}"))
                .bool("valid").enumeration("whitelist").date("last_updated").required("issuer")
                .refuse("PATCH without last_updated", json("{\"valid\":false}"), "last_updated: required in every PATCH")
                .duplicate("valid").text("issuer").endpoint());

        ObjectNode set = json("{\"charging_profile\":" + PROFILE + ",\"response_url\":\"" + RESPONSE_URL + "\"}");
        all.add(corpus("PUT charging profile", "PUT", "/ocpi/cpo/2.2.1/chargingprofiles/OURS1", set)
                .string("response_url").maxLength("response_url", 255).number("charging_profile/charging_profile_period/0/limit")
                .array("charging_profile/charging_profile_period").enumeration("charging_profile/charging_rate_unit")
                .date("charging_profile/start_date_time").required("charging_profile").duplicate("response_url")
                .refuse("response URL that is no URL", with(set, "response_url", TextNode.valueOf("not a url")), "response_url: must be an http(s) URL")
                .text("response_url").integer("charging_profile/charging_profile_period/0/start_period").integer("charging_profile/duration")
                .endpoint());
        ObjectNode active = json("{\"start_date_time\":\"2024-01-01T10:00:00Z\",\"charging_profile\":" + PROFILE + "}");
        all.add(corpus("PUT active charging profile", "PUT", "/ocpi/emsp/2.2.1/chargingprofiles/THEIR-S", active)
                .number("charging_profile/charging_profile_period/0/start_period").enumeration("charging_profile/charging_rate_unit")
                .date("start_date_time").required("charging_profile").required("charging_profile/charging_rate_unit")
                .duplicate("start_date_time").integer("charging_profile/charging_profile_period/0/start_period").endpoint());
        // The result of a request we sent: its id is known once the corpus runs.
        all.add(corpus("POST charging profile result", "POST", "/ocpi/emsp/2.2.1/chargingprofiles/results/{request}",
                json("{\"result\":\"ACCEPTED\"}")).enumeration("result").required("result").duplicate("result").endpoint());

        all.add(new Corpus("PUT client info", "PUT", "/ocpi/2.2.1/hubclientinfo/FR/ABC", "", null, null, 0,
                json("{\"party_id\":\"ABC\",\"country_code\":\"FR\",\"role\":\"CPO\",\"status\":\"CONNECTED\",\"last_updated\":\"2024-01-01T00:00:00Z\"}"), "hub")
                .string("party_id").maxLength("party_id", 3).enumeration("role").enumeration("status").date("last_updated").required("status")
                .refuse("party_id differs from the URL", json("{\"party_id\":\"XYZ\",\"country_code\":\"FR\",\"role\":\"CPO\",\"status\":\"CONNECTED\","
                        + "\"last_updated\":\"2024-01-01T00:00:00Z\"}"), "party_id: 'XYZ' differs from 'ABC' in the URL")
                .duplicate("status").ciString("party_id").endpoint());

        ObjectNode start = json("{\"response_url\":\"" + RESPONSE_URL + "\",\"location_id\":\"LOC1\"}");
        start.set("token", commandToken());
        all.add(corpus("POST START_SESSION", "POST", "/ocpi/cpo/2.2.1/commands/START_SESSION", start)
                .string("response_url").string("token/uid").maxLength("location_id", 36).maxLength("token/contract_id", 36)
                .enumeration("token/type").date("token/last_updated").required("token").required("location_id").required("token/valid")
                .refuse("response URL that is no URL", with(start, "response_url", TextNode.valueOf("mailto:someone")), "response_url: must be an http(s) URL")
                .refuse("connector without EVSE", with(start, "connector_id", TextNode.valueOf("1")), "evse_uid: required when connector_id is given")
                .duplicate("location_id").objectId("location_id").objectId("token/uid").ciString("authorization_reference").text("response_url")
                .endpoint());
        ObjectNode reserve = json("{\"response_url\":\"" + RESPONSE_URL + "\",\"expiry_date\":\"2024-01-01T12:00:00Z\",\"reservation_id\":\"R1\","
                + "\"location_id\":\"LOC1\"}");
        reserve.set("token", commandToken());
        all.add(corpus("POST RESERVE_NOW", "POST", "/ocpi/cpo/2.2.1/commands/RESERVE_NOW", reserve)
                .string("reservation_id").maxLength("reservation_id", 36).date("expiry_date").required("expiry_date").required("token")
                .enumeration("token/whitelist").duplicate("reservation_id").ciString("reservation_id").objectId("location_id").endpoint());
        ObjectNode cancel = json("{\"response_url\":\"" + RESPONSE_URL + "\",\"reservation_id\":\"R1\"}");
        all.add(corpus("POST CANCEL_RESERVATION", "POST", "/ocpi/cpo/2.2.1/commands/CANCEL_RESERVATION", cancel)
                .string("reservation_id").maxLength("reservation_id", 36).maxLength("response_url", 255).required("reservation_id")
                .required("response_url").duplicate("reservation_id").ciString("reservation_id").endpoint());
        ObjectNode stop = json("{\"response_url\":\"" + RESPONSE_URL + "\",\"session_id\":\"OURS1\"}");
        all.add(corpus("POST STOP_SESSION", "POST", "/ocpi/cpo/2.2.1/commands/STOP_SESSION", stop)
                .string("session_id").maxLength("session_id", 36).required("session_id").duplicate("session_id").objectId("session_id").endpoint());
        ObjectNode unlock = json("{\"response_url\":\"" + RESPONSE_URL + "\",\"location_id\":\"LOC1\",\"evse_uid\":\"E1\",\"connector_id\":\"1\"}");
        all.add(corpus("POST UNLOCK_CONNECTOR", "POST", "/ocpi/cpo/2.2.1/commands/UNLOCK_CONNECTOR", unlock)
                .string("evse_uid").maxLength("connector_id", 36).required("connector_id").required("evse_uid").duplicate("evse_uid")
                .objectId("evse_uid").objectId("connector_id").endpoint());
        all.add(corpus("POST command result", "POST", "/ocpi/emsp/2.2.1/commands/START_SESSION/REQ1", json("{\"result\":\"ACCEPTED\"}"))
                .enumeration("result").array("message").required("result")
                .refuse("message without language", json("{\"result\":\"ACCEPTED\",\"message\":[{\"text\":\"ok\"}]}"), "message[0].language: must not be null")
                .refuse("line break in a message text", json("{\"result\":\"ACCEPTED\",\"message\":[{\"language\":\"en\",\"text\":\"ok\\nthen\"}]}"),
                        "message[0].text: must be printable text")
                .duplicate("result").endpoint());

        ObjectNode credentials = (ObjectNode) AdapterInstance.JSON.valueToTree(PeerPlatform.credentials("new-token", "http://localhost:9/versions"));
        all.add(new Corpus("POST credentials", "POST", "/ocpi/2.2.1/credentials", "", null, null, 0, credentials, "tokenA")
                .string("token").string("roles/0/business_details/name").maxLength("token", 64).maxLength("url", 255)
                .maxLength("roles/0/business_details/name", 100).array("roles").enumeration("roles/0/role")
                .required("roles/0/business_details/name").required("url").required("roles", "must not be empty").duplicate("token")
                .refuse("token with a space", with(credentials, "token", TextNode.valueOf("a b")), "token: must be printable ASCII without spaces")
                .refuse("party id of 4 characters", with(credentials, "roles/0/party_id", TextNode.valueOf("ABCD")), "roles[0].party_id: must be 3 letters or digits")
                .text("roles/0/business_details/name").endpoint());
        all.add(new Corpus("PUT credentials", "PUT", "/ocpi/2.2.1/credentials", "", null, null, 0, credentials, null)
                .string("url").maxLength("token", 64).enumeration("roles/0/role").required("token").required("roles/0/country_code")
                .duplicate("url").endpoint());

        all.add(corpus("PUT charging preferences", "PUT", "/ocpi/cpo/2.2.1/sessions/OURS1/charging_preferences",
                json("{\"profile_type\":\"FAST\",\"departure_time\":\"2024-01-01T18:00:00Z\",\"energy_need\":20.5,\"discharge_allowed\":false}"))
                .number("energy_need").bool("discharge_allowed").enumeration("profile_type").date("departure_time").required("profile_type")
                .duplicate("profile_type").endpoint());
        all.add(corpus("POST authorize", "POST", "/ocpi/emsp/2.2.1/tokens/OURTOKEN/authorize?type=RFID",
                json("{\"location_id\":\"LOC1\",\"evse_uids\":[\"E1\",\"E2\"]}"))
                .string("location_id").string("evse_uids/1").maxLength("location_id", 36).maxLength("evse_uids/1", 36).array("evse_uids")
                .required("location_id").duplicate("location_id").objectId("location_id").objectId("evse_uids/1").bodyOptional().endpoint());
        return all;
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> corpus() {
        return endpoints().stream().flatMap(endpoint -> endpoint.cases().stream()
                .map(c -> org.junit.jupiter.params.provider.Arguments.of(endpoint.name() + ": " + c.what(), endpoint, c)));
    }

    static final String HUGE = "20 MB body";

    /** A valid body padded to 20 MB with an unknown field, streamed rather than held in memory. */
    static HttpRequest.BodyPublisher huge(byte[] valid) {
        byte[] head = java.util.Arrays.copyOf(valid, valid.length - 1);
        byte[] field = ",\"padding\":\"".getBytes(StandardCharsets.UTF_8);
        long padding = 20L * 1024 * 1024;
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        java.io.InputStream xs = new java.io.InputStream() {
            long left = padding;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        long length = head.length + field.length + padding + tail.length;
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                java.util.Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head), new java.io.ByteArrayInputStream(field), xs,
                        new java.io.ByteArrayInputStream(tail))))), length);
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static HttpClient ownConnection() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Sends the bytes as they are: no client library gets to repair them. */
    static Reply send(Endpoint endpoint, Case c) {
        String token = switch (endpoint.token() == null ? "peer" : endpoint.token()) {
            case "hub" -> hubToken;
            case "tokenA" -> tokenA;
            default -> platform.token;
        };
        String path = endpoint.path(c.urlId()).replace("{request}", profileRequestId);
        try {
            // The server closes the connection of a request whose 20 MB it did not read, or whose URL it refused:
            // such a request gets a connection of its own, so that no later request is sent on it.
            boolean closing = c.what().equals(HUGE) || c.messagePart().contains("refused by the web server");
            HttpRequest request = HttpRequest.newBuilder(URI.create(platform.adapter.baseUrl() + path))
                    .header("Authorization", "Token " + AdapterInstance.base64(token))
                    .header("Content-Type", "application/json")
                    .method(endpoint.method(), c.what().equals(HUGE) ? huge(c.body()) : HttpRequest.BodyPublishers.ofByteArray(c.body()))
                    .build();
            HttpResponse<String> response;
            try {
                response = (closing ? ownConnection() : HTTP).send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException lostConnection) {
                // A kept-alive connection the server had just closed (it read no byte of this request), or one it
                // closed while the client was still writing a body it had refused (a broken pipe before the answer
                // could be read): once more, on a connection of its own, as a peer's client would.
                response = ownConnection().send(request, HttpResponse.BodyHandlers.ofString());
            }
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new AssertionError(endpoint.method() + " " + path + ": no answer", e);
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputIsRefusedNamingTheProblem(String name, Endpoint endpoint, Case c) {
        tried.incrementAndGet();
        Reply reply = send(endpoint, c);
        assertThat(reply.status()).as(name + " → " + reply.body()).isEqualTo(c.status());
        assertThat(reply.ocpiStatus()).as(name + " → " + reply.body()).isEqualTo(c.ocpiStatus());
        assertThat(reply.json().path("status_message").asText()).as(name).contains(c.messagePart());
        assertThat(reply.json().has("timestamp")).as(name).isTrue();
        refused.incrementAndGet();
    }

    /** Requests without a body whose URL names an object: its ids are checked the same way, before any lookup. */
    static Stream<org.junit.jupiter.params.provider.Arguments> urlsWithoutBody() {
        String longId = "U".repeat(37);
        String sql = "x'%20OR%20'1'%3D'1";
        return Stream.of(
                new Object[] {"GET", "/ocpi/emsp/2.2.1/locations/NL/PCP/" + longId, 200, 2001, "location_id: at most 36 characters"},
                new Object[] {"GET", "/ocpi/emsp/2.2.1/locations/NL/PCP/LOC0/%C3%A9", 200, 2001, "evse_uid: must be printable ASCII"},
                new Object[] {"GET", "/ocpi/emsp/2.2.1/locations/NL/PCP/LOC0/LOC0-E1/A%09B", 200, 2001, "connector_id: must be printable ASCII"},
                new Object[] {"GET", "/ocpi/emsp/2.2.1/locations/NL/PCP/" + sql, 404, 2000, "unknown"},
                new Object[] {"GET", "/ocpi/emsp/2.2.1/locations/N1/PCP/LOC0", 200, 2001, "country_code: 'N1' is not an ISO 3166-1 alpha-2 code"},
                new Object[] {"GET", "/ocpi/emsp/2.2.1/locations/NL/PC%22/LOC0", 200, 2001, "party_id: 'PC\"' is not a 3-character party id"},
                new Object[] {"GET", "/ocpi/cpo/2.2.1/locations/" + longId, 200, 2001, "location_id: at most 36 characters"},
                new Object[] {"GET", "/ocpi/emsp/2.2.1/sessions/NL/PCP/" + sql, 404, 2000, "unknown"},
                new Object[] {"GET", "/ocpi/emsp/2.2.1/cdrs/NL/PCP/" + "C".repeat(40), 200, 2001, "cdr_id: at most 39 characters"},
                new Object[] {"GET", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/%E2%82%AC", 200, 2001, "tariff_id: must be printable ASCII"},
                new Object[] {"DELETE", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/" + longId, 200, 2001, "tariff_id: at most 36 characters"},
                new Object[] {"GET", "/ocpi/cpo/2.2.1/tokens/NL/TNM/TK0?type=rfid", 200, 2001, "type: unknown value 'rfid'"},
                new Object[] {"GET", "/ocpi/cpo/2.2.1/tokens/NL/TNM/" + longId, 200, 2001, "token_uid: at most 36 characters"},
                new Object[] {"GET", "/ocpi/cpo/2.2.1/chargingprofiles/OURS1?duration=soon&response_url=" + RESPONSE_URL, 200, 2001,
                        "duration: 'soon' is not a whole number of seconds"},
                new Object[] {"GET", "/ocpi/cpo/2.2.1/chargingprofiles/OURS1?duration=60&response_url=ftp%3A%2F%2Fx", 200, 2001,
                        "response_url: must be an http(s) URL"},
                new Object[] {"DELETE", "/ocpi/cpo/2.2.1/chargingprofiles/" + longId + "?response_url=" + RESPONSE_URL, 200, 2001,
                        "session_id: at most 36 characters"},
                new Object[] {"POST", "/ocpi/emsp/2.2.1/tokens/" + longId + "/authorize", 200, 2001, "token_uid: at most 36 characters"},
                new Object[] {"POST", "/ocpi/cpo/2.2.1/commands/REBOOT", 404, 2000, "unknown command 'REBOOT'"})
                .map(org.junit.jupiter.params.provider.Arguments::of);
    }

    @Order(1)
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("urlsWithoutBody")
    void badIdsInUrlsWithoutBodyAreRefused(String method, String path, int status, int ocpiStatus, String message) {
        tried.incrementAndGet();
        Reply reply = platform.call(method, path, method.equals("POST") && path.endsWith("REBOOT") ? "{}" : null);
        assertThat(reply.status()).as(path + " → " + reply.body()).isEqualTo(status);
        assertThat(reply.ocpiStatus()).as(path + " → " + reply.body()).isEqualTo(ocpiStatus);
        assertThat(reply.json().path("status_message").asText()).as(path).contains(message);
        refused.incrementAndGet();
    }

    @Test
    @Order(2)
    void nothingOfTheCorpusWasStoredAndTheAdapterStillServes() {
        List<String> after = database();
        long outboxAdded = platform.adapter.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM ocpi_outbox WHERE id > ?")
                .param(outboxMark).query(Long.class).single();
        stored = after.stream().filter(row -> !before.contains(row)).count() + outboxAdded;
        assertThat(after).as("rows of the object store, async requests and peer registry").isEqualTo(before);
        assertThat(outboxAdded).as("changes announced to routes or peers").isZero();

        // The same endpoints still take valid requests.
        platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/L-NEW", location("L-NEW")).assertStatus(201);
        platform.call("PUT", "/ocpi/emsp/2.2.1/locations/NL/PCP/LOC0/E-NEW", evse("E-NEW")).assertStatus(201);
        platform.call("PATCH", "/ocpi/emsp/2.2.1/locations/NL/PCP/LOC0/LOC0-E1/1", Map.of("max_amperage", 16, "last_updated", "2024-02-01T00:00:00Z"))
                .assertStatus(200);
        platform.call("PUT", "/ocpi/emsp/2.2.1/sessions/NL/PCP/S-NEW", session("S-NEW")).assertStatus(201);
        platform.call("POST", "/ocpi/emsp/2.2.1/cdrs", Samples.cdr("PCP", "CDR-NEW", "TNM")).assertStatus(201);
        platform.call("PUT", "/ocpi/emsp/2.2.1/tariffs/NL/PCP/T-NEW", Samples.tariff("PCP", "T-NEW")).assertStatus(201);
        platform.call("PUT", "/ocpi/cpo/2.2.1/tokens/NL/TNM/TK-NEW?type=RFID", token("TK-NEW")).assertStatus(201);
        platform.adapter.ocpi("PUT", "/ocpi/2.2.1/hubclientinfo/FR/ABC", hubToken, Map.of("party_id", "ABC", "country_code", "FR",
                "role", "CPO", "status", "CONNECTED", "last_updated", LAST_UPDATED)).assertStatus(201);
        assertThat(platform.call("GET", "/ocpi/emsp/2.2.1/locations/NL/PCP/L-NEW", null).assertStatus(200).data().get("id").asText())
                .isEqualTo("L-NEW");
        assertThat(platform.call("GET", "/ocpi/emsp/2.2.1/locations/NL/PCP/LOC0/LOC0-E1/1", null).data().get("max_amperage").asInt())
                .isEqualTo(16);
        assertThat(platform.call("POST", "/ocpi/emsp/2.2.1/tokens/OURTOKEN/authorize", Map.of("location_id", "LOC1"))
                .assertStatus(200).data().get("allowed").asText()).isEqualTo("ALLOWED");
        // And the invitation the corpus used is still unused.
        platform.adapter.ocpi("GET", "/ocpi/2.2.1", tokenA, null).assertStatus(200);
    }

    /** Everything a request could have left behind, as text rows in a fixed order. */
    static List<String> database() {
        JdbcClient jdbc = platform.adapter.bean(JdbcClient.class);
        List<String> rows = new ArrayList<>();
        Consumer<String> query = sql -> jdbc.sql(sql).query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            return row.toString();
        }).list().forEach(rows::add);
        query.accept("SELECT module, country_code, party_id, object_id, object_type, last_updated, body FROM ocpi_object"
                + " ORDER BY module, country_code, party_id, object_id, object_type");
        query.accept("SELECT id, module, direction, operation, request FROM ocpi_async_request ORDER BY id");
        query.accept("SELECT id, name, status FROM peer ORDER BY id");
        query.accept("SELECT COUNT(*) FROM peer_token");
        return rows;
    }

}
