package io.ocpi.adapter.modules.commands;

/**
 * The body of a command POST to the receiver. The body carries no command name of its own: the {@link CommandType}
 * in the URL says which of these it is, see {@link CommandType#requestType()}.
 */
public sealed interface CommandRequest permits CancelReservation, ReserveNow, StartSession, StopSession, UnlockConnector {

    /** Where the receiver posts the {@link CommandResult}; the sender may have put its own request id in it. */
    String responseUrl();
}
