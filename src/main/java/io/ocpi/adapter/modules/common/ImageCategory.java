package io.ocpi.adapter.modules.common;

public enum ImageCategory {
    CHARGER, ENTRANCE, LOCATION, NETWORK, OPERATOR, OTHER, OWNER
}
