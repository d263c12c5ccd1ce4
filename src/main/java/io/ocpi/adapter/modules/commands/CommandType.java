package io.ocpi.adapter.modules.commands;

/** CommandType enum: the remote command asked of a charge point, named by the last segment of the command URL. */
public enum CommandType {
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
}
