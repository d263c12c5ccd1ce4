package io.ocpi.adapter.bindings.sap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IDoc flat file format of SAP's file port: per IDoc one control record EDI_DC40 (524 characters), then one data
 * record EDI_DD40 per segment (63 characters of header, then the segment's fixed-width SDATA). Short lines are read as
 * if padded with blanks, since trailing blanks are often trimmed on the way.
 */
public final class IdocFlatFile {

    public static final int SDATA_LENGTH = 1000;
    private static final int HEADER_LENGTH = 63;
    private static final String BLANKS = " ".repeat(SDATA_LENGTH);
    private static final String ZEROS = "0".repeat(6);

    /** EDI_DC40 fields and their lengths, in file order. */
    public static final Map<String, Integer> CONTROL_FIELDS = controlFields();

    private IdocFlatFile() {
    }

    private static Map<String, Integer> controlFields() {
        Object[] layout = {"TABNAM", 10, "MANDT", 3, "DOCNUM", 16, "DOCREL", 4, "STATUS", 2, "DIRECT", 1, "OUTMOD", 1, "EXPRSS", 1,
                "TEST", 1, "IDOCTYP", 30, "CIMTYP", 30, "MESTYP", 30, "MESCOD", 3, "MESFCT", 3, "STD", 1, "STDVRS", 6, "STDMES", 6,
                "SNDPOR", 10, "SNDPRT", 2, "SNDPFC", 2, "SNDPRN", 10, "SNDSAD", 21, "SNDLAD", 70, "RCVPOR", 10, "RCVPRT", 2,
                "RCVPFC", 2, "RCVPRN", 10, "RCVSAD", 21, "RCVLAD", 70, "CREDAT", 8, "CRETIM", 6, "REFINT", 14, "REFGRP", 14,
                "REFMES", 14, "ARCKEY", 70, "SERIAL", 20};
        Map<String, Integer> fields = new LinkedHashMap<>();
        for (int i = 0; i < layout.length; i += 2) {
            fields.put((String) layout[i], (Integer) layout[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** A whole control record from the fields given: TABNAM set, IDOCTYP and MESTYP from the type, the rest blank. */
    public static Map<String, String> control(IdocType type, Map<String, String> given) {
        Map<String, String> control = new LinkedHashMap<>();
        CONTROL_FIELDS.keySet().forEach(field -> control.put(field, ""));
        control.put("TABNAM", "EDI_DC40");
        control.put("IDOCTYP", type.name());
        control.put("MESTYP", type.messageType());
        given.forEach((field, value) -> {
            if (!CONTROL_FIELDS.containsKey(field)) {
                throw new IdocFormatException("EDI_DC40 has no field " + field);
            }
            control.put(field, value);
        });
        return control;
    }

    public static String write(List<Idoc> idocs, IdocType type) {
        StringBuilder out = new StringBuilder(2048);
        for (Idoc idoc : idocs) {
            CONTROL_FIELDS.forEach((field, length) -> pad(out, idoc.control().getOrDefault(field, ""), length, "EDI_DC40", field));
            out.append('\n');
            for (Idoc.Segment segment : idoc.segments()) {
                IdocType.Segment layout = type.segments().get(segment.name());
                if (layout == null) {
                    throw new IdocFormatException("IDoc " + idoc.docnum() + ": segment " + segment.name() + " is not part of " + type.name());
                }
                for (String field : segment.fields().keySet()) {
                    if (!layout.hasField(field)) {
                        throw new IdocFormatException("segment " + segment.name() + " has no field " + field);
                    }
                }
                int start = out.length();
                pad(out, layout.definition(), 30, null, "SEGNAM");
                pad(out, idoc.control().getOrDefault("MANDT", ""), 3, null, "MANDT");
                pad(out, idoc.docnum(), 16, null, "DOCNUM");
                number(out, segment.number(), 6);
                number(out, segment.parent(), 6);
                number(out, segment.level(), 2);
                for (IdocType.Field field : layout.fields()) {
                    pad(out, segment.fields().getOrDefault(field.name(), ""), field.length(), segment.name(), field.name());
                }
                // Trailing blanks of a data record are left out, as SAP's file port writes it.
                int end = out.length();
                while (end > start && out.charAt(end - 1) == ' ') {
                    end--;
                }
                out.setLength(end);
                out.append('\n');
            }
        }
        return out.toString();
    }

    public static List<Idoc> parse(String text, IdocType type) {
        List<Idoc> idocs = new ArrayList<>();
        Map<String, String> control = null;
        List<Idoc.Segment> segments = null;
        Map<Integer, String> segmentTypes = new HashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNumber = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("EDI_DC40")) {
                if (control != null) {
                    idocs.add(new Idoc(control, List.copyOf(segments)));
                }
                control = readControl(line, lineNumber, type);
                segments = new ArrayList<>();
                segmentTypes.clear();
                continue;
            }
            if (control == null) {
                throw new IdocFormatException("line " + lineNumber + ", position 1: data record before any EDI_DC40 control record");
            }
            segments.add(readSegment(padded(line, HEADER_LENGTH + SDATA_LENGTH), lineNumber, type, control, segmentTypes));
        }
        if (control != null) {
            idocs.add(new Idoc(control, List.copyOf(segments)));
        }
        if (idocs.isEmpty()) {
            throw new IdocFormatException("line 1: no EDI_DC40 control record: not an IDoc flat file");
        }
        return idocs;
    }

    private static Map<String, String> readControl(String line, int lineNumber, IdocType type) {
        String record = padded(line, 524);
        Map<String, String> control = new LinkedHashMap<>();
        int offset = 0;
        for (Map.Entry<String, Integer> field : CONTROL_FIELDS.entrySet()) {
            control.put(field.getKey(), record.substring(offset, offset + field.getValue()).stripTrailing());
            offset += field.getValue();
        }
        String idocType = control.get("CIMTYP").isEmpty() ? control.get("IDOCTYP") : control.get("CIMTYP");
        if (!type.name().equals(idocType) && !type.name().equals(control.get("IDOCTYP"))) {
            throw new IdocFormatException("line " + lineNumber + ", position 40 (IDOCTYP): '" + control.get("IDOCTYP")
                    + "' is not the expected IDoc type " + type.name());
        }
        if (control.get("DOCNUM").isEmpty()) {
            throw new IdocFormatException("line " + lineNumber + ", position 14 (DOCNUM): missing");
        }
        return control;
    }

    private static Idoc.Segment readSegment(String record, int lineNumber, IdocType type, Map<String, String> control,
                                            Map<Integer, String> segmentTypes) {
        String segnam = record.substring(0, 30).strip();
        IdocType.Segment layout = type.segmentNamed(segnam).orElseThrow(() -> new IdocFormatException("line " + lineNumber
                + ", position 1 (SEGNAM): unknown segment '" + segnam + "' for IDoc type " + type.name()));
        String docnum = record.substring(33, 49).strip();
        if (!docnum.equals(control.get("DOCNUM"))) {
            throw new IdocFormatException("line " + lineNumber + ", position 34 (DOCNUM): '" + docnum + "' differs from the control record's '"
                    + control.get("DOCNUM") + "'");
        }
        int number = number(record, 49, 6, lineNumber, "SEGNUM");
        int parent = number(record, 55, 6, lineNumber, "PSGNUM");
        int level = number(record, 61, 2, lineNumber, "HLEVEL");
        String parentType = segmentTypes.get(parent);
        if (layout.parent() == null ? parent != 0 : !layout.parent().equals(parentType)) {
            throw new IdocFormatException("line " + lineNumber + ", position 56 (PSGNUM): segment " + layout.name() + " must be "
                    + (layout.parent() == null ? "at top level (0)" : "below a " + layout.parent() + " segment") + ", not below "
                    + (parentType == null ? "segment " + parent : parentType));
        }
        if (segmentTypes.put(number, layout.name()) != null) {
            throw new IdocFormatException("line " + lineNumber + ", position 50 (SEGNUM): segment number " + number + " is used twice");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (IdocType.Field field : layout.fields()) {
            int start = HEADER_LENGTH + field.offset();
            fields.put(field.name(), record.substring(start, start + field.length()).stripTrailing());
        }
        return new Idoc.Segment(layout.name(), number, parent, level, fields);
    }

    private static int number(String record, int offset, int length, int lineNumber, String field) {
        String text = record.substring(offset, offset + length).strip();
        try {
            return text.isEmpty() ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IdocFormatException("line " + lineNumber + ", position " + (offset + 1) + " (" + field + "): '" + text + "' is not a number");
        }
    }

    private static void number(StringBuilder out, int value, int length) {
        String text = Integer.toString(value);
        if (value < 0 || text.length() > length) {
            throw new IdocFormatException(value + " does not fit " + length + " digits");
        }
        out.append(ZEROS, 0, length - text.length()).append(text);
    }

    /** Writes a value padded to its field's length; {@code record} and {@code field} name it in an error. */
    private static void pad(StringBuilder out, String value, int length, String record, String field) {
        String text = value == null ? "" : value;
        if (text.length() > length) {
            throw new IdocFormatException(name(record, field) + ": '" + text + "' is longer than its " + length + " characters");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IdocFormatException(name(record, field) + ": a line break cannot be written in a flat IDoc");
        }
        out.append(text).append(BLANKS, 0, length - text.length());
    }

    private static String name(String record, String field) {
        return record == null ? field : record + "." + field;
    }

    private static String padded(String line, int length) {
        return line.length() >= length ? line : line + " ".repeat(length - line.length());
    }
}
