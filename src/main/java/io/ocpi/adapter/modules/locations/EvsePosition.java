package io.ocpi.adapter.modules.locations;

/** EVSEPosition enum of 2.3.0: where the EVSE stands relative to its parking space. */
public enum EvsePosition {
    LEFT, RIGHT, CENTER
}
