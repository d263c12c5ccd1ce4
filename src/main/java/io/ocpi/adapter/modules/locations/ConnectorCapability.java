package io.ocpi.adapter.modules.locations;

/** ConnectorCapability enum of 2.3.0: a function a connector offers the driver. */
public enum ConnectorCapability {
    ISO_15118_2_PLUG_AND_CHARGE, ISO_15118_20_PLUG_AND_CHARGE
}
