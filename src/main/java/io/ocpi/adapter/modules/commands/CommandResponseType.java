package io.ocpi.adapter.modules.commands;

/** CommandResponseType enum: whether the receiver accepted a command for passing on to the charge point. */
public enum CommandResponseType {
    NOT_SUPPORTED, REJECTED, ACCEPTED, UNKNOWN_SESSION
}
