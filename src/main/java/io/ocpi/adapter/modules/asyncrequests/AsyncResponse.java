package io.ocpi.adapter.modules.asyncrequests;

/** The immediate answer to an asynchronous request (a CommandResponse, a ChargingProfileResponse). */
public interface AsyncResponse {

    /** Whether the request was taken, so that a result follows. */
    boolean accepted();

    /** The seconds within which the result is due. */
    Integer timeout();
}
