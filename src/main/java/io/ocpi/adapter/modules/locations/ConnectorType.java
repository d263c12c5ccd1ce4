package io.ocpi.adapter.modules.locations;

/**
 * ConnectorType enum: the standard of a connector. Names as the spec writes them, lower-case parts included. MCS and
 * SAE_J3400 come from 2.3.0.
 */
public enum ConnectorType {
    CHADEMO, CHAOJI,
    DOMESTIC_A, DOMESTIC_B, DOMESTIC_C, DOMESTIC_D, DOMESTIC_E, DOMESTIC_F, DOMESTIC_G, DOMESTIC_H,
    DOMESTIC_I, DOMESTIC_J, DOMESTIC_K, DOMESTIC_L, DOMESTIC_M, DOMESTIC_N, DOMESTIC_O,
    GBT_AC, GBT_DC,
    IEC_60309_2_single_16, IEC_60309_2_three_16, IEC_60309_2_three_32, IEC_60309_2_three_64,
    IEC_62196_T1, IEC_62196_T1_COMBO, IEC_62196_T2, IEC_62196_T2_COMBO, IEC_62196_T3A, IEC_62196_T3C,
    MCS,
    NEMA_5_20, NEMA_6_30, NEMA_6_50, NEMA_10_30, NEMA_10_50, NEMA_14_30, NEMA_14_50,
    PANTOGRAPH_BOTTOM_UP, PANTOGRAPH_TOP_DOWN,
    SAE_J3400,
    TESLA_R, TESLA_S
}
