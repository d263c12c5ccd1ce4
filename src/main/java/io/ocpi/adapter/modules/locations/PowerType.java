package io.ocpi.adapter.modules.locations;

public enum PowerType {
    AC_1_PHASE, AC_2_PHASE, AC_2_PHASE_SPLIT, AC_3_PHASE, DC
}
