package io.ocpi.adapter.bindings.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The IDoc codec against the shipped CDR IDoc type: round trips, and refusals that name record and position. */
class IdocCodecTest {

    static IdocType type;

    @BeforeAll
    static void read() throws IOException {
        type = IdocType.read(Path.of("mappings/idoc/ZOCPICDR01.yaml"));
    }

    static Map<String, String> fields(String segment, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        type.segments().get(segment).fields().forEach(f -> fields.put(f.name(), ""));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    static Map<String, String> pairs(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A CDR IDoc with two charging periods of two dimensions each: segments in file order, numbered from 1. */
    static Idoc cdr(String docnum, String cdrId) {
        List<Idoc.Segment> segments = new ArrayList<>();
        segments.add(new Idoc.Segment("Z1CDRHD", 1, 0, 1, fields("Z1CDRHD", "CPO_COUNTRY", "NL", "CPO_PARTY", "ADC", "CDR_ID", cdrId,
                "START_TS", "20240101100000", "END_TS", "20240101110000", "AUTH_METHOD", "WHITELIST", "CURRENCY", "EUR",
                "TOTAL_EXCL_VAT", "12.50", "TOTAL_ENERGY", "21.3", "TOTAL_TIME", "1.0", "LAST_UPDATED", "20240101110500")));
        segments.add(new Idoc.Segment("Z1CDRTK", 2, 1, 2, fields("Z1CDRTK", "EMSP_COUNTRY", "NL", "EMSP_PARTY", "ADE",
                "TOKEN_UID", "CARD1", "TOKEN_TYPE", "RFID", "CONTRACT_ID", "NL-ADE-C0001")));
        segments.add(new Idoc.Segment("Z1CDRLC", 3, 1, 2, fields("Z1CDRLC", "LOCATION_ID", "LOC1", "ADDRESS", "Stationsplein 1 <&>",
                "CITY", "Utrecht", "COUNTRY", "NLD", "EVSE_ID", "NL*ADC*E1", "CONNECTOR_ID", "1", "POWER_TYPE", "AC_3_PHASE")));
        segments.add(new Idoc.Segment("Z1CDRPR", 4, 1, 2, fields("Z1CDRPR", "START_TS", "20240101100000")));
        segments.add(new Idoc.Segment("Z1CDRDM", 5, 4, 3, fields("Z1CDRDM", "DIM_TYPE", "ENERGY", "VOLUME", "10.1")));
        segments.add(new Idoc.Segment("Z1CDRDM", 6, 4, 3, fields("Z1CDRDM", "DIM_TYPE", "TIME", "VOLUME", "0.5")));
        segments.add(new Idoc.Segment("Z1CDRPR", 7, 1, 2, fields("Z1CDRPR", "START_TS", "20240101103000", "TARIFF_ID", "T2")));
        segments.add(new Idoc.Segment("Z1CDRDM", 8, 7, 3, fields("Z1CDRDM", "DIM_TYPE", "ENERGY", "VOLUME", "11.2")));
        Map<String, String> control = IdocFlatFile.control(type, pairs("MANDT", "100", "DOCNUM", docnum, "DIRECT", "2",
                "SNDPOR", "OCPIADAPT", "SNDPRT", "LS", "SNDPRN", "OCPI", "RCVPOR", "SAPPRD", "RCVPRT", "LS", "RCVPRN", "PRD100",
                "CREDAT", "20240101", "CRETIM", "110600"));
        return new Idoc(control, segments);
    }

    @Test
    void theTypeIsReadFromItsFile() {
        assertThat(type.name()).isEqualTo("ZOCPICDR01");
        assertThat(type.segments()).containsKeys("Z1CDRHD", "Z1CDRTK", "Z1CDRLC", "Z1CDRPR", "Z1CDRDM");
        assertThat(type.segments().get("Z1CDRDM").parent()).isEqualTo("Z1CDRPR");
        assertThat(type.segmentNamed("Z2CDRTK000")).map(IdocType.Segment::name).contains("Z1CDRTK");
    }

    @Test
    void flatFilesRoundTrip() {
        List<Idoc> idocs = List.of(cdr("0000000000000042", "CDR-1"), cdr("0000000000000043", "CDR-2"));
        String flat = IdocFlatFile.write(idocs, type);
        assertThat(IdocFlatFile.parse(flat, type)).isEqualTo(idocs);

        String[] lines = flat.split("\n");
        assertThat(lines).hasSize(18);
        assertThat(lines[0]).hasSize(524).startsWith("EDI_DC40  1000000000000000042");
        assertThat(lines[0].substring(39, 69).strip()).isEqualTo("ZOCPICDR01");
        assertThat(lines[1]).startsWith("Z2CDRHD000").contains("CDR-1");
        assertThat(lines[1].substring(49, 63)).isEqualTo("00000100000001");
        assertThat(lines[5].substring(49, 63)).isEqualTo("00000500000403");
        // CRLF line ends and trailing blanks trimmed on the way are read the same.
        assertThat(IdocFlatFile.parse(flat.replace("\n", "\r\n").replaceAll(" +\r\n", "\r\n"), type)).isEqualTo(idocs);
    }

    @Test
    void xmlRoundTripsAndAgreesWithTheFlatFile() {
        List<Idoc> idocs = List.of(cdr("0000000000000042", "CDR-1"), cdr("0000000000000043", "CDR-2"));
        String xml = IdocXml.write(idocs, type);
        assertThat(xml).contains("<ZOCPICDR01><IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><TABNAM>EDI_DC40</TABNAM>");
        assertThat(xml).contains("<Z1CDRPR SEGMENT=\"1\"><START_TS>20240101100000</START_TS><TARIFF_ID/><Z1CDRDM SEGMENT=\"1\">");
        assertThat(xml).contains("Stationsplein 1 &lt;&amp;&gt;");
        assertThat(IdocXml.parse(xml, type)).isEqualTo(idocs);
        assertThat(IdocXml.parse(xml, type)).isEqualTo(IdocFlatFile.parse(IdocFlatFile.write(idocs, type), type));
    }

    @Test
    void malformedFlatFilesAreRefusedNamingRecordAndPosition() {
        String flat = IdocFlatFile.write(List.of(cdr("0000000000000042", "CDR-1")), type);
        String[] lines = flat.split("\n");

        String unknown = flat.replace("Z2CDRTK000", "Z2CDRXX000");
        assertThatThrownBy(() -> IdocFlatFile.parse(unknown, type)).isInstanceOf(IdocFormatException.class)
                .hasMessage("line 3, position 1 (SEGNAM): unknown segment 'Z2CDRXX000' for IDoc type ZOCPICDR01");

        String badNumber = flat.replace(lines[2], lines[2].substring(0, 49) + "00000X" + lines[2].substring(55));
        assertThatThrownBy(() -> IdocFlatFile.parse(badNumber, type)).hasMessage("line 3, position 50 (SEGNUM): '00000X' is not a number");

        String orphan = flat.replace(lines[5], lines[5].substring(0, 55) + "000009" + lines[5].substring(61));
        assertThatThrownBy(() -> IdocFlatFile.parse(orphan, type)).hasMessageStartingWith("line 6, position 56 (PSGNUM): segment Z1CDRDM must be below a Z1CDRPR segment");

        String otherDocnum = flat.replace(lines[4], lines[4].substring(0, 33) + "0000000000000099" + lines[4].substring(49));
        assertThatThrownBy(() -> IdocFlatFile.parse(otherDocnum, type)).hasMessageStartingWith("line 5, position 34 (DOCNUM)");

        assertThatThrownBy(() -> IdocFlatFile.parse(lines[1] + "\n", type)).hasMessage("line 1, position 1: data record before any EDI_DC40 control record");
        assertThatThrownBy(() -> IdocFlatFile.parse(flat.replace("ZOCPICDR01", "ORDERS05  "), type))
                .hasMessageStartingWith("line 1, position 40 (IDOCTYP): 'ORDERS05' is not the expected IDoc type");
        assertThatThrownBy(() -> IdocFlatFile.parse("", type)).hasMessageContaining("not an IDoc flat file");
    }

    @Test
    void valuesThatDoNotFitAreRefusedWhenWritten() {
        Idoc idoc = cdr("0000000000000042", "X".repeat(40));
        assertThatThrownBy(() -> IdocFlatFile.write(List.of(idoc), type))
                .hasMessage("Z1CDRHD.CDR_ID: '" + "X".repeat(40) + "' is longer than its 39 characters");
    }

    @Test
    void malformedXmlIsRefusedNamingLineAndColumn() {
        String xml = IdocXml.write(List.of(cdr("0000000000000042", "CDR-1")), type);
        assertThatThrownBy(() -> IdocXml.parse(xml.replace("Z1CDRTK", "Z1CDRXX"), type))
                .hasMessageMatching("IDoc-XML line 1, column [0-9]+: segment <Z1CDRHD> has no field or child segment <Z1CDRXX>");
        assertThatThrownBy(() -> IdocXml.parse(xml.substring(0, xml.length() - 20), type)).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> IdocXml.parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ZOCPICDR01>&e;</ZOCPICDR01>", type))
                .isInstanceOf(IdocFormatException.class);
    }
}
