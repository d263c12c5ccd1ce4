package io.ocpi.adapter.modules.chargingprofiles;

/** ChargingProfileResponseType enum: whether the receiver accepted a charging profile request for the EVSE. */
public enum ChargingProfileResponseType {
    ACCEPTED, NOT_SUPPORTED, REJECTED, TOO_OFTEN, UNKNOWN_SESSION
}
