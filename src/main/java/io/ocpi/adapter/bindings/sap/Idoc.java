package io.ocpi.adapter.bindings.sap;

import java.util.List;
import java.util.Map;

/**
 * One IDoc: its control record (EDI_DC40 fields by name) and its data segments in file order. Values are kept as
 * SAP writes them, without the padding of the flat format.
 */
public record Idoc(Map<String, String> control, List<Segment> segments) {

    /**
     * A data record.
     *
     * @param number the segment number (SEGNUM), from 1 in file order
     * @param parent the number of the parent segment (PSGNUM), 0 at top level
     */
    public record Segment(String name, int number, int parent, int level, Map<String, String> fields) {
    }

    public String docnum() {
        return control.getOrDefault("DOCNUM", "");
    }
}
