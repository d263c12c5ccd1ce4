package io.ocpi.adapter.bindings.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ocpi.adapter.protocol.OcpiJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bean routes call: the JSON a mapping writes becomes an IDoc file, the file becomes that JSON again. */
class IdocsTest {

    static final String CDR_JSON = """
            {"control": {"MANDT": 100, "DOCNUM": "0000000000000042", "SNDPRN": "OCPI"},
             "Z1CDRHD": {"CPO_COUNTRY": "NL", "CPO_PARTY": "ADC", "CDR_ID": "CDR-1", "CREDIT": "X", "SESSION_ID": null,
                         "Z1CDRTK": {"TOKEN_UID": "CARD1"},
                         "Z1CDRPR": [{"START_TS": "20240101100000",
                                      "Z1CDRDM": [{"DIM_TYPE": "ENERGY", "VOLUME": 10.1}, {"DIM_TYPE": "TIME", "VOLUME": 0.5}]},
                                     {"Z1CDRDM": {"DIM_TYPE": "ENERGY", "VOLUME": 11.2}, "START_TS": "20240101103000"}],
                         "TOTAL_ENERGY": 21.3}}
            """;

    final Idocs idocs = new Idocs(Path.of("mappings/idoc"), OcpiJson.newMapper(), new SimpleMeterRegistry());

    @Test
    void theJsonOfAnIdocBecomesItsSegmentsInFileOrder() throws IOException {
        String flat = idocs.write(CDR_JSON, "ZOCPICDR01", "flat");
        List<Idoc> written = IdocFlatFile.parse(flat, idocs.type("ZOCPICDR01"));

        assertThat(written).hasSize(1);
        Idoc idoc = written.get(0);
        assertThat(idoc.docnum()).isEqualTo("0000000000000042");
        assertThat(idoc.control()).containsEntry("MANDT", "100").containsEntry("IDOCTYP", "ZOCPICDR01").containsEntry("MESTYP", "ZOCPICDR");
        // name, number, parent, level: a segment is numbered before the ones below it, whatever the order of its keys.
        assertThat(idoc.segments()).extracting(s -> s.name() + " " + s.number() + " " + s.parent() + " " + s.level()).containsExactly(
                "Z1CDRHD 1 0 1", "Z1CDRTK 2 1 2", "Z1CDRPR 3 1 2", "Z1CDRDM 4 3 3", "Z1CDRDM 5 3 3", "Z1CDRPR 6 1 2", "Z1CDRDM 7 6 3");
        assertThat(idoc.segments().get(0).fields()).containsEntry("CDR_ID", "CDR-1").containsEntry("CREDIT", "X")
                .containsEntry("TOTAL_ENERGY", "21.3").containsEntry("SESSION_ID", "");
        assertThat(idoc.segments().get(6).fields()).containsEntry("VOLUME", "11.2");

        assertThat(idocs.write(idocs.read(flat, "ZOCPICDR01").get(0), "ZOCPICDR01", "flat")).isEqualTo(flat);
        assertThat(idocs.write("[" + CDR_JSON + "," + CDR_JSON.replace("0042", "0043") + "]", "ZOCPICDR01", "flat"))
                .isEqualTo(flat + flat.replace("0000000000000042", "0000000000000043"));
    }

    @Test
    void jsonThatIsNoIdocOfTheTypeIsRefusedNamingWhere() {
        refused("{\"control\": {}, \"Z1CDRXX\": {}}", "'Z1CDRXX' is not a segment of ZOCPICDR01");
        refused("{\"Z1CDRTK\": {\"TOKEN_UID\": \"CARD1\"}}", "'Z1CDRTK' is a child segment of Z1CDRHD in ZOCPICDR01, not a top segment");
        refused("{\"Z1CDRHD\": {\"Z1CDRDM\": {}}}", "'Z1CDRDM' is neither a field nor a child segment of Z1CDRHD in ZOCPICDR01");
        refused("{\"Z1CDRHD\": {\"CDR_ID\": {\"id\": 1}}}", "Z1CDRHD.CDR_ID must be a text, a number or a boolean, not an object or an array");
        refused("{\"Z1CDRHD\": \"CDR-1\"}", "segment Z1CDRHD must be an object or an array of objects");
        refused("{\"control\": [1]}", "'control' must be an object of EDI_DC40 fields");
        refused("{\"control\": {\"NOFIELD\": 1}}", "EDI_DC40 has no field NOFIELD");
        refused("\"CDR-1\"", "an IDoc must be a JSON object with 'control' and its top segments, not CDR-1");
        refused("", "an IDoc must be a JSON object with 'control' and its top segments, not nothing");
        refused("{} {}", "an IDoc's JSON has more after its end");
        assertThatThrownBy(() -> idocs.write("{\"Z1CDRHD\": {\"CDR_ID\": \"1\", \"CDR_ID\": \"2\"}}", "ZOCPICDR01", "flat"))
                .hasMessageContaining("Duplicate field 'CDR_ID'");
    }

    @Test
    void aChangedTypeFileIsReadAgainWithinASecond(@TempDir Path types) throws Exception {
        Path file = types.resolve("ZOCPICDR01.yaml");
        Files.copy(Path.of("mappings/idoc/ZOCPICDR01.yaml"), file);
        Idocs reading = new Idocs(types, OcpiJson.newMapper(), new SimpleMeterRegistry());
        assertThat(reading.write(CDR_JSON, "ZOCPICDR01", "flat")).contains("\nZ2CDRHD000");

        Files.writeString(file, Files.readString(file).replace("definition: Z2CDRHD000", "definition: Z2CDRHD001"));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Thread.sleep(1100);
        assertThat(reading.write(CDR_JSON, "ZOCPICDR01", "flat")).contains("\nZ2CDRHD001");
    }

    void refused(String json, String message) {
        assertThatThrownBy(() -> idocs.write(json, "ZOCPICDR01", "flat")).as(json).isInstanceOf(IdocFormatException.class)
                .hasMessageStartingWith(message);
    }
}
