package io.ocpi.adapter.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.chargingprofiles.ActiveChargingProfile;
import io.ocpi.adapter.modules.chargingprofiles.ChargingProfileResult;
import io.ocpi.adapter.modules.chargingprofiles.MaxOneFractionDigit;
import io.ocpi.adapter.modules.chargingprofiles.SetChargingProfile;
import io.ocpi.adapter.modules.commands.CancelReservation;
import io.ocpi.adapter.modules.commands.CommandResult;
import io.ocpi.adapter.modules.commands.ReserveNow;
import io.ocpi.adapter.modules.commands.StartSession;
import io.ocpi.adapter.modules.commands.StopSession;
import io.ocpi.adapter.modules.commands.UnlockConnector;
import io.ocpi.adapter.modules.credentials.Credentials;
import io.ocpi.adapter.modules.hubclientinfo.ClientInfo;
import io.ocpi.adapter.modules.locations.Connector;
import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.sessions.ChargingPreferences;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tokens.LocationReferences;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import io.ocpi.adapter.protocol.OcpiDateTime;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Valid and broken OCPI objects for property tests. Valid ones start from the specification's examples (and, for the
 * objects it has no example file of, its examples in the text) and vary their fields within the constraints the
 * model declares; broken ones break one field the way a peer might, and know how a refusal must name it.
 */
public final class ModelFuzz {

    private ModelFuzz() {
    }

    /** An example object of a type a peer sends. */
    public record Seed(String name, Class<?> type, ObjectNode json) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One field of an object, where it sits in the JSON and what the model says of it. */
    public record Leaf(List<Object> path, String named, Field field, Class<?> type) {
        boolean required() {
            return field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotEmpty.class);
        }

        Size size() {
            return field.getAnnotation(Size.class);
        }

        /** A CiString: printable ASCII; an object id besides fits in a URL path segment. */
        boolean ciString() {
            return field.isAnnotationPresent(CiString.class) || objectId();
        }

        boolean objectId() {
            return field.isAnnotationPresent(ObjectId.class);
        }
    }

    /** A body and what reading it must give: a refusal naming {@code field} with {@code problem}, or null if valid. */
    public record Sample(Seed seed, String what, byte[] body, String expectedMessage) {
        @Override
        public String toString() {
            return seed.name() + ": " + what;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final String TOKEN = """
            {"country_code": "NL", "party_id": "TNM", "uid": "200", "type": "AD_HOC_USER", "contract_id": "NL8ACC12E46L89",
             "visual_number": "DF000-2001-8999", "issuer": "TheNewMotion", "valid": true, "whitelist": "ALLOWED",
             "last_updated": "2018-12-10T17:25:10Z"}""";
    private static final String PROFILE = """
            {"start_date_time": "2019-06-19T02:00:00Z", "duration": 3600, "charging_rate_unit": "A", "min_charging_rate": 6.5,
             "charging_profile_period": [{"start_period": 0, "limit": 32.0}, {"start_period": 1800, "limit": 16.0}]}""";

    /** Every type a peer can send us, each with at least one example. */
    public static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        for (String name : List.of("location_example.json", "location_example_parking_garage_opening_hours.json",
                "location_example_uc2_destination_charger.json", "location_example_uc3_destination_charger_not_published.json",
                "location_example_uc4_limited_visibility.json", "location_example_uc5_home_charge_point.json")) {
            ObjectNode location = file(name);
            seeds.add(new Seed(name, Location.class, location));
            JsonNode evses = location.path("evses");
            for (int i = 0; i < evses.size(); i++) {
                seeds.add(new Seed(name + " evses[" + i + "]", Evse.class, (ObjectNode) evses.get(i)));
                JsonNode connectors = evses.get(i).path("connectors");
                for (int j = 0; j < connectors.size(); j++) {
                    seeds.add(new Seed(name + " evses[" + i + "].connectors[" + j + "]", Connector.class, (ObjectNode) connectors.get(j)));
                }
            }
        }
        for (String name : List.of("session_example_1_simple_start.json", "session_example_2_short_finished.json")) {
            seeds.add(new Seed(name, Session.class, file(name)));
        }
        seeds.add(new Seed("cdr_example.json", Cdr.class, file("cdr_example.json")));
        for (String name : List.of("tariff_1_simple_2hour.json", "tariff_2_alt_text.json", "tariff_3_alt_url.json", "tariff_4_complex.json",
                "tariff_5_free_of_charge.json", "tariff_6_025kwh_start_max_price.json", "tariff_8_simple_025kwh.json",
                "tariff_9_025kwh_start.json", "tariff_10_025kwh_parking_start.json", "tariff_11_not_possible_alt_text.json",
                "tariff_12_025kwh_min_price.json", "tariff_13_simple_3hour_5parking.json", "tariff_14_step_size.json",
                "tariff_15_reservation_5_euro_per_hour.json", "tariff_16_reservation_2_euro_fee_5_euro_per_hour.json",
                "tariff_17_reservation_with_expire_fee.json", "tariff_18_reservation_with_expire_time.json")) {
            seeds.add(new Seed(name, Tariff.class, file(name)));
        }
        for (String name : List.of("token_example_1_app_user.json", "token_example_2_full_rfid.json")) {
            seeds.add(new Seed(name, Token.class, file(name)));
        }
        for (String name : List.of("credentials_example.json", "credentials_example2.json", "credentials_example3.json",
                "credentials_example4.json")) {
            seeds.add(new Seed(name, Credentials.class, file(name)));
        }
        // mod_commands, mod_charging_profiles, mod_hub_client_info, mod_sessions, mod_tokens: examples of the text.
        seeds.add(text("StartSession", StartSession.class, """
                {"response_url": "https://www.server.com/ocpi/emsp/2.2.1/commands/START_SESSION/1234", "token": %s,
                 "location_id": "1234", "evse_uid": "BE-BEC-E041503001", "connector_id": "1", "authorization_reference": "567890"}"""
                .formatted(TOKEN)));
        seeds.add(text("ReserveNow", ReserveNow.class, """
                {"response_url": "https://server.com/reservation/ABC123", "token": %s, "expiry_date": "2019-06-19T03:00:00Z",
                 "reservation_id": "ABC123", "location_id": "1234", "evse_uid": "BE-BEC-E041503001"}""".formatted(TOKEN)));
        seeds.add(text("CancelReservation", CancelReservation.class, """
                {"response_url": "https://server.com/reservation/ABC123/cancel", "reservation_id": "ABC123"}"""));
        seeds.add(text("StopSession", StopSession.class, """
                {"response_url": "https://www.server.com/ocpi/emsp/2.2.1/commands/STOP_SESSION/42", "session_id": "15"}"""));
        seeds.add(text("UnlockConnector", UnlockConnector.class, """
                {"response_url": "https://server.com/unlock/1", "location_id": "1234", "evse_uid": "BE-BEC-E041503001", "connector_id": "1"}"""));
        seeds.add(text("CommandResult", CommandResult.class, """
                {"result": "ACCEPTED", "message": [{"language": "en", "text": "Session started"}]}"""));
        seeds.add(text("SetChargingProfile", SetChargingProfile.class, """
                {"charging_profile": %s, "response_url": "https://www.server.com/ocpi/2.2.1/chargingprofiles/chargingprofile/12345678"}"""
                .formatted(PROFILE)));
        seeds.add(text("ActiveChargingProfile", ActiveChargingProfile.class, """
                {"start_date_time": "2019-06-19T02:05:00Z", "charging_profile": %s}""".formatted(PROFILE)));
        seeds.add(text("ChargingProfileResult", ChargingProfileResult.class, "{\"result\": \"ACCEPTED\"}"));
        seeds.add(text("ClientInfo", ClientInfo.class, """
                {"party_id": "ABC", "country_code": "FR", "role": "CPO", "status": "CONNECTED", "last_updated": "2019-06-19T02:05:00Z"}"""));
        seeds.add(text("ChargingPreferences", ChargingPreferences.class, """
                {"profile_type": "FAST", "departure_time": "2019-06-19T18:00:00Z", "energy_need": 30.5, "discharge_allowed": false}"""));
        seeds.add(text("LocationReferences", LocationReferences.class, """
                {"location_id": "LOC1", "evse_uids": ["BE-BEC-E041503001", "BE-BEC-E041503002"]}"""));
        return List.copyOf(seeds);
    }

    private static ObjectNode file(String name) {
        try {
            return (ObjectNode) ModelCheck.JSON.readTree(ModelCheck.specExample(name));
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static Seed text(String name, Class<?> type, String json) {
        try {
            return new Seed(name, type, (ObjectNode) ModelCheck.JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    // --- The fields of an object, found through the model --------------------------------------------------------

    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** Every field of the model in {@code json}, at any depth; {@code absentToo} adds the fields it leaves out. */
    public static List<Leaf> leaves(JsonNode json, Class<?> type, boolean absentToo) {
        List<Leaf> leaves = new ArrayList<>();
        collect(json, type, new ArrayList<>(), leaves, absentToo);
        return leaves;
    }

    private static void collect(JsonNode json, Class<?> type, List<Object> at, List<Leaf> leaves, boolean absentToo) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = SNAKE.translate(component.getName());
            Field field;
            try {
                field = type.getDeclaredField(component.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            List<Object> path = new ArrayList<>(at);
            path.add(name);
            JsonNode value = json.get(name);
            if (value == null && !absentToo) {
                continue;
            }
            leaves.add(new Leaf(List.copyOf(path), named(path), field, component.getType()));
            if (value == null) {
                continue;
            }
            if (component.getType().isRecord() && value.isObject()) {
                collect(value, component.getType(), path, leaves, absentToo);
            } else if (List.class.isAssignableFrom(component.getType()) && value.isArray()
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                for (int i = 0; i < value.size(); i++) {
                    List<Object> item = new ArrayList<>(path);
                    item.add(i);
                    collect(value.get(i), element, item, leaves, absentToo);
                }
            }
        }
    }

    /** How a refusal names a field: {@code evses[0].connectors[1].max_voltage}. */
    static String named(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(step);
            }
        }
        return name.toString();
    }

    static ObjectNode set(ObjectNode root, List<Object> path, JsonNode value) {
        ObjectNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        if (value == null) {
            ((ObjectNode) parent).remove((String) path.get(path.size() - 1));
        } else {
            ((ObjectNode) parent).set((String) path.get(path.size() - 1), value);
        }
        return copy;
    }

    static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    // --- Valid variations --------------------------------------------------------------------------------------

    /** Letters of several scripts, a pair of surrogates (one emoji) among them: all of it is valid text. */
    private static final String[] ALPHABET = ("A B C x y z 0 1 9 - _ . * # ' \" \\ / : é ü ß € Ω 中 文 😀").split(" ");
    /** What a CiString may hold of it: printable ASCII. */
    private static final String[] ASCII = java.util.Arrays.stream(ALPHABET).filter(letter -> letter.charAt(0) < 0x7F).toArray(String[]::new);
    /** What an object id may hold: no character a URL path segment cannot carry, and no dots (a '.' or '..' id). */
    private static final String[] ID = java.util.Arrays.stream(ASCII).filter(letter -> !"/\\.".contains(letter)).toArray(String[]::new);

    /** The seed with up to {@code changes} of its fields set to other values the model allows. */
    public static Sample vary(Seed seed, Random random, int changes) {
        ObjectNode json = seed.json().deepCopy();
        List<Leaf> leaves = leaves(json, seed.type(), false);
        List<String> changed = new ArrayList<>();
        for (int n = 0; n < changes && !leaves.isEmpty(); n++) {
            Leaf leaf = leaves.get(random.nextInt(leaves.size()));
            JsonNode value = validValue(leaf, random);
            if (value != null) {
                json = set(json, leaf.path(), value);
                changed.add(leaf.named() + "=" + value);
            }
        }
        return new Sample(seed, "valid " + changed, bytes(json), null);
    }

    private static JsonNode validValue(Leaf leaf, Random random) {
        Class<?> type = leaf.type();
        if (type == String.class) {
            if (leaf.field().isAnnotationPresent(Pattern.class)) {
                return null;
            }
            Size size = leaf.size();
            int min = size == null ? 0 : size.min();
            int max = size == null ? 40 : Math.min(size.max(), 80);
            int length = min + random.nextInt(max - min + 1);
            String[] alphabet = leaf.objectId() ? ID : leaf.ciString() ? ASCII : ALPHABET;
            StringBuilder text = new StringBuilder();
            while (text.length() < length) {
                String next = alphabet[random.nextInt(alphabet.length)];
                if (text.length() + next.length() <= length) {
                    text.append(next);
                } else {
                    text.append('a');
                }
            }
            return TextNode.valueOf(text.toString());
        }
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            return TextNode.valueOf(((Enum<?>) values[random.nextInt(values.length)]).name());
        }
        if (type == Integer.class) {
            if (leaf.field().isAnnotationPresent(Min.class) || leaf.field().isAnnotationPresent(Max.class)) {
                return null;
            }
            return IntNode.valueOf(random.nextInt(100_000));
        }
        if (type == BigDecimal.class) {
            int scale = leaf.field().isAnnotationPresent(MaxOneFractionDigit.class) ? random.nextInt(2) : random.nextInt(4);
            return DecimalNode.valueOf(BigDecimal.valueOf(random.nextInt(1_000_000), scale));
        }
        if (type == Instant.class) {
            Instant instant = Instant.ofEpochMilli(1_500_000_000_000L + (long) (random.nextDouble() * 400_000_000_000L));
            if (random.nextBoolean()) {
                instant = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            }
            return TextNode.valueOf(OcpiDateTime.format(instant));
        }
        return null;
    }

    // --- Broken objects ----------------------------------------------------------------------------------------

    /** The seed with one field broken, and what the refusal must say; null when the chosen field cannot be broken so. */
    public static Sample mutate(Seed seed, Random random) {
        List<Leaf> leaves = leaves(seed.json(), seed.type(), false);
        int candidates = leaves.size() * KINDS;
        int start = random.nextInt(candidates);
        for (int n = 0; n < candidates; n++) {
            int candidate = (start + n) % candidates;
            Sample sample = mutate(seed, leaves.get(candidate / KINDS), candidate % KINDS, random);
            if (sample != null) {
                return sample;
            }
        }
        throw new IllegalStateException("nothing to break in " + seed);
    }

    /** The ways {@link #mutate(Seed, Leaf, int, Random)} breaks a field. */
    private static final int KINDS = 9;

    private static Sample mutate(Seed seed, Leaf leaf, int kind, Random random) {
        Class<?> type = leaf.type();
        String name = leaf.named();
        JsonNode current = at(seed.json(), leaf.path());
        return switch (kind) {
            case 0 -> leaf.required() ? broken(seed, leaf, null, "without required " + name,
                    name + ": " + (leaf.field().isAnnotationPresent(NotEmpty.class) ? "must not be empty" : "must not be null")) : null;
            case 1 -> wrongType(seed, leaf, current, random);
            case 2 -> type == String.class && leaf.size() != null && leaf.size().max() < 10_000
                    ? broken(seed, leaf, TextNode.valueOf("Z".repeat(leaf.size().max() + 1 + random.nextInt(3))), "over-long " + name,
                            name + ": size must be between") : null;
            case 3 -> type.isEnum() ? broken(seed, leaf, TextNode.valueOf(notOf(type, random, "UNKNOWN", "ACCEPTED_LATER", "", " ", "rfid",
                    "Fast", "NULL", "AVAILABLE_SOON")), "unknown value in " + name, name + ": unknown value") : null;
            case 4 -> type == String.class ? broken(seed, leaf, TextNode.valueOf(unprintable(current, random)), "control character in " + name,
                    name + ": must be printable text") : null;
            case 5 -> leaf.ciString() ? broken(seed, leaf, TextNode.valueOf(pick(random, "\u00e9", "\u20ac", "\u00a0", "\ud83d\ude00")),
                    "not ASCII in CiString " + name, name + ": must be printable ASCII") : null;
            case 6 -> leaf.objectId() ? broken(seed, leaf, TextNode.valueOf(pick(random, "a/b\\c", "../..", "..", ".", "50%", "a;b")),
                    "id no URL can carry in " + name, name + ": must fit in a URL path segment") : null;
            case 7 -> type == Integer.class ? broken(seed, leaf, DecimalNode.valueOf(new BigDecimal(current.asInt() + "." + (1 + random.nextInt(9)))),
                    "fraction for int " + name, name + ": must be a whole number") : null;
            default -> type == Instant.class ? broken(seed, leaf, TextNode.valueOf(pick(random, "2019-13-01T00:00:00Z", "2019-06-31T10:00:00Z",
                    "tomorrow", "2019-06-19 10:00:00Z", "19-06-2019T10:00:00Z", "2019-06-19T25:00:00Z", "", "2019-06-19T10:00:00+25:00")),
                    "bad date in " + name, name + ": must be an RFC 3339 date-time") : null;
        };
    }

    private static Sample wrongType(Seed seed, Leaf leaf, JsonNode current, Random random) {
        String name = leaf.named();
        Class<?> type = leaf.type();
        if (type == String.class) {
            return broken(seed, leaf, random.nextBoolean() ? IntNode.valueOf(random.nextInt(1000)) : ModelCheck.JSON.createObjectNode(),
                    "not a string: " + name, name + ": must be a string");
        }
        if (type == Integer.class || type == BigDecimal.class) {
            return broken(seed, leaf, TextNode.valueOf(current == null ? "12" : current.asText()), "number as text: " + name, name + ": must be a number");
        }
        if (type == Boolean.class) {
            return broken(seed, leaf, TextNode.valueOf(pick(random, "true", "yes", "1")), "boolean as text: " + name, name + ": must be true or false");
        }
        if (List.class.isAssignableFrom(type)) {
            return broken(seed, leaf, random.nextBoolean() ? ModelCheck.JSON.createObjectNode() : TextNode.valueOf("x"),
                    "not an array: " + name, name + ": must be an array");
        }
        if (type.isRecord()) {
            return broken(seed, leaf, random.nextBoolean() ? ModelCheck.JSON.createArrayNode() : TextNode.valueOf("x"),
                    "not an object: " + name, name + ": must be an object");
        }
        if (type == Instant.class) {
            return broken(seed, leaf, IntNode.valueOf(1_560_902_400), "date as number: " + name, name + ": must be an RFC 3339 date-time");
        }
        return null;
    }

    private static Sample broken(Seed seed, Leaf leaf, JsonNode value, String what, String expected) {
        return new Sample(seed, what, bytes(set(seed.json(), leaf.path(), value)), expected);
    }

    private static JsonNode at(JsonNode json, List<Object> path) {
        JsonNode node = json;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    /** The text with a control character, a tab or a line break put somewhere in it. */
    private static String unprintable(JsonNode current, Random random) {
        String text = current == null ? "x" : current.asText();
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + pick(random, "\n", "\r\n", "\t", "\u0000", "\u001b", "\u007f", "\u0085", "\u2028") + text.substring(at);
    }

    /** One of the values that is no constant of the enum. */
    private static String notOf(Class<?> type, Random random, String... values) {
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
        List<String> wrong = java.util.Arrays.stream(values).filter(value -> !names.contains(value)).toList();
        return wrong.get(random.nextInt(wrong.size()));
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    /** The seed's bytes with a few bytes changed, dropped or added: anything at all may come of it. */
    public static Sample mangle(Seed seed, Random random) {
        byte[] body = bytes(seed.json());
        List<Byte> bytes = new ArrayList<>();
        for (byte b : body) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(4);
        byte[] tokens = "{}[]\",:\\0-.eE \u0000".getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < edits && !bytes.isEmpty(); n++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(4)) {
                case 0 -> bytes.remove(at);
                case 1 -> bytes.add(at, tokens[random.nextInt(tokens.length)]);
                case 2 -> bytes.set(at, (byte) random.nextInt(256));
                default -> bytes.set(at, tokens[random.nextInt(tokens.length)]);
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return new Sample(seed, edits + " bytes mangled", out, null);
    }
}
