package io.ocpi.adapter.modules.locations;

public enum ConnectorFormat {
    SOCKET, CABLE
}
