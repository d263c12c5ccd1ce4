package io.ocpi.adapter.modules.locations;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The connector standards 2.2.1 knows: all but {@link ConnectorType#MCS} and {@link ConnectorType#SAE_J3400}. */
public final class ConnectorTypes {

    private static final Set<ConnectorType> V2_2_1 = EnumSet.complementOf(EnumSet.of(ConnectorType.MCS, ConnectorType.SAE_J3400));

    private ConnectorTypes() {
    }

    /** Whether 2.2.1 has the standard written in {@code value}; true for what is no standard at all (validation names it). */
    static boolean knownInV221(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return true;
        }
        return Arrays.stream(ConnectorType.values()).noneMatch(type -> type.name().equals(value.asText()))
                || V2_2_1.contains(ConnectorType.valueOf(value.asText()));
    }

    /** A 2.2.1 body's standard at {@code field}: refused as an unknown value when only 2.3.0 has it. */
    public static void checkV221(JsonNode value, String field) {
        if (!knownInV221(value)) {
            throw OcpiException.invalid(field + ": unknown value '" + value.asText() + "', expected one of " + List.copyOf(V2_2_1));
        }
    }

    /** A canonical standard at {@code field} for a 2.2.1 peer: one only 2.3.0 has cannot be written. */
    public static void writeV221(JsonNode value, String field) {
        if (!knownInV221(value)) {
            throw new WireForm.UntranslatableException(field + ": " + value.asText() + " is no connector type of 2.2.1");
        }
    }
}
