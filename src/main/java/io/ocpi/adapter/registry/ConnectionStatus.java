package io.ocpi.adapter.registry;

/** ConnectionStatus of the hubclientinfo module, kept for every peer: whether we can reach it now. */
public enum ConnectionStatus {
    CONNECTED, OFFLINE, PLANNED, SUSPENDED
}
