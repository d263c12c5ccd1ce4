package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.OpenEnum;

/**
 * ConnectorType OpenEnum: the standard of a connector. Names as the spec writes them, lower-case parts included. MCS and
 * SAE_J3400 come from 2.3.0.
 */
public final class ConnectorType extends OpenEnum {

    private static final Values<ConnectorType> VALUES = new Values<>(ConnectorType.class, ConnectorType::new);

    public static final ConnectorType CHADEMO = VALUES.known("CHADEMO");
    public static final ConnectorType CHAOJI = VALUES.known("CHAOJI");
    public static final ConnectorType DOMESTIC_A = VALUES.known("DOMESTIC_A");
    public static final ConnectorType DOMESTIC_B = VALUES.known("DOMESTIC_B");
    public static final ConnectorType DOMESTIC_C = VALUES.known("DOMESTIC_C");
    public static final ConnectorType DOMESTIC_D = VALUES.known("DOMESTIC_D");
    public static final ConnectorType DOMESTIC_E = VALUES.known("DOMESTIC_E");
    public static final ConnectorType DOMESTIC_F = VALUES.known("DOMESTIC_F");
    public static final ConnectorType DOMESTIC_G = VALUES.known("DOMESTIC_G");
    public static final ConnectorType DOMESTIC_H = VALUES.known("DOMESTIC_H");
    public static final ConnectorType DOMESTIC_I = VALUES.known("DOMESTIC_I");
    public static final ConnectorType DOMESTIC_J = VALUES.known("DOMESTIC_J");
    public static final ConnectorType DOMESTIC_K = VALUES.known("DOMESTIC_K");
    public static final ConnectorType DOMESTIC_L = VALUES.known("DOMESTIC_L");
    public static final ConnectorType DOMESTIC_M = VALUES.known("DOMESTIC_M");
    public static final ConnectorType DOMESTIC_N = VALUES.known("DOMESTIC_N");
    public static final ConnectorType DOMESTIC_O = VALUES.known("DOMESTIC_O");
    public static final ConnectorType GBT_AC = VALUES.known("GBT_AC");
    public static final ConnectorType GBT_DC = VALUES.known("GBT_DC");
    public static final ConnectorType IEC_60309_2_single_16 = VALUES.known("IEC_60309_2_single_16");
    public static final ConnectorType IEC_60309_2_three_16 = VALUES.known("IEC_60309_2_three_16");
    public static final ConnectorType IEC_60309_2_three_32 = VALUES.known("IEC_60309_2_three_32");
    public static final ConnectorType IEC_60309_2_three_64 = VALUES.known("IEC_60309_2_three_64");
    public static final ConnectorType IEC_62196_T1 = VALUES.known("IEC_62196_T1");
    public static final ConnectorType IEC_62196_T1_COMBO = VALUES.known("IEC_62196_T1_COMBO");
    public static final ConnectorType IEC_62196_T2 = VALUES.known("IEC_62196_T2");
    public static final ConnectorType IEC_62196_T2_COMBO = VALUES.known("IEC_62196_T2_COMBO");
    public static final ConnectorType IEC_62196_T3A = VALUES.known("IEC_62196_T3A");
    public static final ConnectorType IEC_62196_T3C = VALUES.known("IEC_62196_T3C");
    public static final ConnectorType MCS = VALUES.known("MCS");
    public static final ConnectorType NEMA_5_20 = VALUES.known("NEMA_5_20");
    public static final ConnectorType NEMA_6_30 = VALUES.known("NEMA_6_30");
    public static final ConnectorType NEMA_6_50 = VALUES.known("NEMA_6_50");
    public static final ConnectorType NEMA_10_30 = VALUES.known("NEMA_10_30");
    public static final ConnectorType NEMA_10_50 = VALUES.known("NEMA_10_50");
    public static final ConnectorType NEMA_14_30 = VALUES.known("NEMA_14_30");
    public static final ConnectorType NEMA_14_50 = VALUES.known("NEMA_14_50");
    public static final ConnectorType PANTOGRAPH_BOTTOM_UP = VALUES.known("PANTOGRAPH_BOTTOM_UP");
    public static final ConnectorType PANTOGRAPH_TOP_DOWN = VALUES.known("PANTOGRAPH_TOP_DOWN");
    public static final ConnectorType SAE_J3400 = VALUES.known("SAE_J3400");
    public static final ConnectorType TESLA_R = VALUES.known("TESLA_R");
    public static final ConnectorType TESLA_S = VALUES.known("TESLA_S");

    private ConnectorType(String name) {
        super(name);
    }

    /** The value of the name, known or not. */
    public static ConnectorType of(String name) {
        return VALUES.of(name);
    }

    /**
     * The known value of the name.
     *
     * @throws IllegalArgumentException when the specification names no such value
     */
    public static ConnectorType valueOf(String name) {
        return VALUES.valueOf(name);
    }

    /** The known values. */
    public static ConnectorType[] values() {
        return VALUES.all().toArray(ConnectorType[]::new);
    }
}
