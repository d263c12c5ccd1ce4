package io.ocpi.adapter.modules.versions;

public enum InterfaceRole {
    SENDER, RECEIVER
}
