package io.ocpi.adapter.modules.commands;

/**
 * CommandResultType enum: what came of a command at the charge point. {@code CANCELED_RESERVATION} is also sent
 * unasked, when the CPO itself cancels a reservation.
 */
public enum CommandResultType {
    ACCEPTED, CANCELED_RESERVATION, EVSE_OCCUPIED, EVSE_INOPERATIVE, FAILED, NOT_SUPPORTED, REJECTED, TIMEOUT,
    UNKNOWN_RESERVATION
}
