package io.ocpi.adapter.modules.locations;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The connector standards 2.2.1 knows: the known ones but {@link ConnectorType#MCS} and {@link ConnectorType#SAE_J3400}. */
public final class ConnectorTypes {

    private static final List<ConnectorType> V2_3_0_ONLY = List.of(ConnectorType.MCS, ConnectorType.SAE_J3400);
    private static final List<ConnectorType> V2_2_1 = Arrays.stream(ConnectorType.values()).filter(type -> !V2_3_0_ONLY.contains(type)).toList();

    /** The names of the connector standards 2.2.1 knows. */
    public static final Set<String> IN_V221 = V2_2_1.stream().map(ConnectorType::name).collect(Collectors.toUnmodifiableSet());

    private ConnectorTypes() {
    }

    /** A 2.2.1 body's standard at {@code field}: refused as an unknown value when only 2.3.0 has it. */
    public static void checkV221(JsonNode value, String field) {
        if (value != null && value.isTextual() && V2_3_0_ONLY.stream().anyMatch(type -> type.name().equals(value.asText()))) {
            throw OcpiException.invalid(field + ": unknown value '" + value.asText() + "', expected one of " + V2_2_1);
        }
    }

    /** A canonical standard at {@code field} for a 2.2.1 peer: one 2.2.1 does not know cannot be written. */
    public static void writeV221(JsonNode value, String field) {
        if (value != null && value.isTextual() && !IN_V221.contains(value.asText())) {
            throw new WireForm.UntranslatableException(field + ": " + value.asText() + " is no connector type of 2.2.1");
        }
    }
}
