package io.ocpi.adapter.modules.tariffs;

/** TariffType enum: the situation a tariff applies to. */
public enum TariffType {
    AD_HOC_PAYMENT, PROFILE_CHEAP, PROFILE_FAST, PROFILE_GREEN, REGULAR
}
