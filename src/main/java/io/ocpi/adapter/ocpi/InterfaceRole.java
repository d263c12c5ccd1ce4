package io.ocpi.adapter.ocpi;

public enum InterfaceRole {
    SENDER, RECEIVER
}
