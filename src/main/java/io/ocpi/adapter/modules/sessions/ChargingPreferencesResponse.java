package io.ocpi.adapter.modules.sessions;

/** ChargingPreferencesResponse enum: whether a CPO can work with a driver's charging preferences. */
public enum ChargingPreferencesResponse {
    ACCEPTED, DEPARTURE_REQUIRED, ENERGY_NEED_REQUIRED, NOT_POSSIBLE, PROFILE_TYPE_NOT_SUPPORTED
}
