package io.ocpi.adapter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Parser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ocpi.adapter.bindings.sap.Idocs;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.tokens.Token;
import io.ocpi.adapter.protocol.OcpiJson;
import io.ocpi.adapter.support.ModelCheck;
import io.ocpi.adapter.support.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark scenario 5: the throughput of the three data mappings on one core (target: at least 50,000 objects/s
 * each), with the shipped mapping files of {@code mappings/} and no Camel context. Each benchmark does per object what
 * the route does around its mapping:
 * <ul>
 * <li>{@code cdrToIdocFlatFile}: a CDR (the OCPI 2.2.1 spec example) through {@code sap/cdr-to-idoc.jslt} and
 * {@code Idocs.write(..., "ZOCPICDR01", "flat")} to the text of an IDoc file (route {@code sap-cdr-to-idoc-file});</li>
 * <li>{@code idocToTokens}: a flat ZOCPICON01 contract IDoc (one contract, one card) through {@code Idocs.read}, then
 * {@code sap/contract-to-tokens.jslt}, then each Token read with the OCPI JSON mapping (route
 * {@code sap-contracts-to-tokens});</li>
 * <li>{@code sqlRowToLocation}: a row of {@code billing/changed-sites.sql} with its 4 connectors on 2 charge points
 * (rows of {@code billing/site-connectors.sql}) through {@code billing/site-to-location.jslt}, then read as a
 * Location with the OCPI JSON mapping (route {@code billing-sites-to-locations}).</li>
 * </ul>
 * As Camel's JSLT endpoint does per message, each benchmark parses its JSON input with the adapter's mapping, turns
 * the message headers into the {@code $headers} object (Jackson {@code valueToTree}, a plain ObjectMapper as in
 * Camel) and writes the result out as a string; compiling the mapping is done once, as the endpoint does. Not
 * measured: Camel's routing itself (headers, split, jsonpath, marshal/unmarshal steps), SFTP, SQL, bean validation
 * and storing. {@link #check()} makes sure each mapping gives what it should before anything is measured, so a broken
 * mapping fails the run instead of reporting a number.
 * <p>
 * Run from the project root (the mapping files are read relative to it), after {@code ./mvnw -o -q test-compile}:
 * <pre>
 * ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main MappingBenchmarks
 * </pre>
 * (1 fork, 8 x 2 s warm-up, 5 x 2 s measured; {@code -prof gc} for allocation, {@code -rf json -rff <file>} for a
 * result file). bench/run runs it as scenario 5. Scores are ops/s, one op being one object mapped. The JIT takes its
 * time over Jackson and JSLT: on a 2-vCPU machine the scores climb for about 10 s, hence the long warm-up; measure
 * on an otherwise idle machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class MappingBenchmarks {

    static final Path MAPPINGS = Path.of("mappings");

    /** The adapter's JSON mapping: what the JSLT endpoints read their input with, and what reads OCPI objects. */
    ObjectMapper json;
    /** Camel's JSLT endpoint turns the headers into JSON with a plain ObjectMapper of its own. */
    ObjectMapper camelHeaders;
    Idocs idocs;

    Expression cdrToIdoc;
    Expression contractToTokens;
    Expression siteToLocation;

    String cdr;
    Map<String, Object> cdrHeaders;
    String contractIdoc;
    Map<String, Object> contractHeaders;
    String siteRow;
    Map<String, Object> siteHeaders;

    static final String CDR_ID = "12345";
    static final String TOKEN_UID = "04A1B2C3D4";
    static final String SITE_ID = "SITE-BENCH";

    @Setup
    public void setUp() throws IOException {
        json = OcpiJson.newMapper();
        camelHeaders = new ObjectMapper();
        // As BindingsConfiguration makes the bean "idoc".
        idocs = new Idocs(MAPPINGS.resolve("idoc"), OcpiJson.newMapper(), new SimpleMeterRegistry());
        cdrToIdoc = Parser.compileString(Files.readString(MAPPINGS.resolve("sap/cdr-to-idoc.jslt")));
        contractToTokens = Parser.compileString(Files.readString(MAPPINGS.resolve("sap/contract-to-tokens.jslt")));
        siteToLocation = Parser.compileString(Files.readString(MAPPINGS.resolve("billing/site-to-location.jslt")));

        // Route sap-cdr-to-idoc-file: the outbox item's id (EventDelivery) and the control record's partners
        // (ocpi.bindings.sap in application.yaml).
        cdr = new String(ModelCheck.specExample("cdr_example.json"), StandardCharsets.UTF_8);
        cdrHeaders = new LinkedHashMap<>();
        cdrHeaders.put("OcpiDeliveryId", 4711L);
        cdrHeaders.put("SapSenderPort", "OCPIADAPT");
        cdrHeaders.put("SapSenderPartner", "OCPIADAPT");
        cdrHeaders.put("SapReceiverPort", "SAPR3");
        cdrHeaders.put("SapReceiverPartner", "SAPCLNT100");

        // Route sap-contracts-to-tokens: our eMSP party (ocpi.bindings.emsp) and the IDoc's DOCNUM.
        contractIdoc = Samples.contractIdoc("0000000000007001", "NL-UMS-C7001-1", "ACTIVE", TOKEN_UID);
        contractHeaders = new LinkedHashMap<>();
        contractHeaders.put("IdocDocnum", "0000000000007001");
        contractHeaders.put("OcpiCountryCode", "NL");
        contractHeaders.put("OcpiPartyId", "UMS");
        contractHeaders.put("OcpiIssuer", "Utility Mobility Service");

        // Route billing-sites-to-locations: the site row as the body, its connectors as a header, our CPO party.
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("site_id", SITE_ID);
        row.put("name", "Depot");
        row.put("street", "Stationsplein 1");
        row.put("postal_code", "3511 ED");
        row.put("city", "Utrecht");
        row.put("country", "NLD");
        row.put("latitude", "52.089400");
        row.put("longitude", "5.107700");
        row.put("time_zone", "Europe/Amsterdam");
        row.put("parking_type", "ON_STREET");
        row.put("public_site", true);
        row.put("open_24_7", true);
        row.put("published_at", null);
        row.put("changed_at", "2025-01-01T00:00:00Z");
        siteRow = camelHeaders.writeValueAsString(row);
        List<Map<String, Object>> connectors = List.of(
                connector("A", "IN_SERVICE", "1", "IEC_62196_T2", false, "AC_3_PHASE", 230, 32, 22000, "TARIFF-1"),
                connector("A", "IN_SERVICE", "2", "DOMESTIC_F", false, "AC_1_PHASE", 230, 16, null, null),
                connector("B", "PLANNED", "1", "IEC_62196_T2_COMBO", true, "DC", 920, 200, null, null),
                connector("B", "PLANNED", "2", "CHADEMO", true, "DC", 500, 125, 50000, "TARIFF-1"));
        siteHeaders = new LinkedHashMap<>();
        siteHeaders.put("AssetSiteId", SITE_ID);
        siteHeaders.put("AssetChangedAt", "2025-01-01T00:00:00Z");
        siteHeaders.put("OcpiCountryCode", "NL");
        siteHeaders.put("OcpiPartyId", "UCP");
        siteHeaders.put("AssetConnectors", connectors);

        check();
    }

    /** Each mapping gives what it should: otherwise there is nothing worth measuring. */
    void check() throws IOException {
        String file = cdrToIdocFlatFile();
        List<String> lines = file.lines().toList();
        require(lines.size() == 6, "the CDR IDoc has a control record and 5 segments, not " + lines.size() + " lines:\n" + file);
        require(lines.get(0).startsWith("EDI_DC40") && lines.get(0).contains("0000000000004711") && lines.get(0).contains("ZOCPICDR01")
                && lines.get(0).contains("SAPCLNT100"), "the CDR IDoc's control record:\n" + lines.get(0));
        require(file.contains("Z2CDRHD") && file.contains(CDR_ID) && file.contains("20150629213909") && file.contains("DE8ACC12E46L89")
                && file.contains("BE*BEC*E041503003"), "the CDR IDoc holds the CDR:\n" + file);
        require(file.equals(idocs.write(idocs.read(file, "ZOCPICDR01").get(0), "ZOCPICDR01", "flat")), "the CDR IDoc reads back:\n" + file);

        List<Token> tokens = idocToTokens();
        require(tokens.size() == 1, "one Token per card, not " + tokens);
        Token token = tokens.get(0);
        require(token.uid().equals(TOKEN_UID) && token.contractId().equals("NL-UMS-C7001-1") && token.partyId().equals("UMS")
                && token.issuer().equals("Utility Mobility Service") && Boolean.TRUE.equals(token.valid())
                && token.lastUpdated().toString().equals("2025-03-01T12:00:00Z"), "the Token: " + token);

        Location location = sqlRowToLocation();
        require(location.id().equals(SITE_ID) && location.partyId().equals("UCP") && location.coordinates() != null
                && location.openingTimes() != null, "the Location: " + location);
        require(location.evses() != null && location.evses().size() == 2, "two EVSEs: " + location.evses());
        require(location.evses().stream().allMatch(evse -> evse.connectors() != null && evse.connectors().size() == 2),
                "two connectors on each EVSE: " + location.evses());
    }

    @Benchmark
    public String cdrToIdocFlatFile() throws IOException {
        JsonNode idoc = cdrToIdoc.apply(headers(cdrHeaders), json.readTree(cdr));
        return idocs.write(idoc.toString(), "ZOCPICDR01", "flat");
    }

    @Benchmark
    public List<Token> idocToTokens() throws IOException {
        List<Token> tokens = new ArrayList<>();
        for (String idoc : idocs.read(contractIdoc, "ZOCPICON01")) {
            JsonNode mapped = contractToTokens.apply(headers(contractHeaders), json.readTree(idoc));
            for (JsonNode token : mapped) {
                tokens.add(json.treeToValue(token, Token.class));
            }
        }
        return tokens;
    }

    @Benchmark
    public Location sqlRowToLocation() throws IOException {
        JsonNode location = siteToLocation.apply(headers(siteHeaders), json.readTree(siteRow));
        return json.treeToValue(location, Location.class);
    }

    /** $headers as Camel's JSLT endpoint makes it, for every message: each header not null, as JSON. */
    Map<String, JsonNode> headers(Map<String, Object> headers) {
        ObjectNode node = camelHeaders.createObjectNode();
        headers.forEach((name, value) -> {
            if (value != null) {
                node.set(name, camelHeaders.valueToTree(value));
            }
        });
        Map<String, JsonNode> variables = new HashMap<>();
        variables.put("headers", node);
        return variables;
    }

    static Map<String, Object> connector(String evse, String state, String id, String standard, boolean cable, String powerType,
            int maxVoltage, int maxAmperage, Integer maxPowerW, String tariffId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("evse_uid", SITE_ID + "-" + evse);
        row.put("evse_id", "NL*UCP*E" + evse);
        row.put("asset_state", state);
        row.put("capabilities", "RFID_READER, REMOTE_START_STOP_CAPABLE");
        row.put("floor_level", null);
        row.put("physical_reference", evse);
        row.put("connector_id", id);
        row.put("standard", standard);
        row.put("cable", cable);
        row.put("power_type", powerType);
        row.put("max_voltage", maxVoltage);
        row.put("max_amperage", maxAmperage);
        row.put("max_power_w", maxPowerW);
        row.put("tariff_id", tariffId);
        return row;
    }

    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("mapping check failed: " + what);
        }
    }
}
