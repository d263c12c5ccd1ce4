package io.ocpi.adapter.modules.commands;

import io.ocpi.adapter.ocpi.VersionNumber;

/** CommandType enum: the remote command asked of a charge point, named by the last segment of the command URL. */
public enum CommandType {
    /** Since 2.2: OCPI 2.1.1 has no CANCEL_RESERVATION (mod_commands.md 4.2). */
    CANCEL_RESERVATION(CancelReservation.class),
    RESERVE_NOW(ReserveNow.class),
    START_SESSION(StartSession.class),
    STOP_SESSION(StopSession.class),
    UNLOCK_CONNECTOR(UnlockConnector.class);

    private final Class<? extends CommandRequest> requestType;

    CommandType(Class<? extends CommandRequest> requestType) {
        this.requestType = requestType;
    }

    /** The object the request body must hold for this command. */
    public Class<? extends CommandRequest> requestType() {
        return requestType;
    }

    /** Whether OCPI {@code version} has this command. */
    public boolean in(VersionNumber version) {
        return this != CANCEL_RESERVATION || version != VersionNumber.V2_1_1;
    }
}
