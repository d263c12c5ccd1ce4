package io.ocpi.adapter.ocpi;

public enum ImageCategory {
    CHARGER, ENTRANCE, LOCATION, NETWORK, OPERATOR, OTHER, OWNER
}
