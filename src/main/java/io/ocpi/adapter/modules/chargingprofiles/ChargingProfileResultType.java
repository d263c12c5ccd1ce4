package io.ocpi.adapter.modules.chargingprofiles;

/** ChargingProfileResultType enum: what the EVSE made of a charging profile request. */
public enum ChargingProfileResultType {
    ACCEPTED, REJECTED, UNKNOWN
}
