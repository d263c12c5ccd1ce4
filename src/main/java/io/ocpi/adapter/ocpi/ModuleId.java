package io.ocpi.adapter.ocpi;

/** The module identifiers of OCPI, as they appear in version details. */
public final class ModuleId {
    public static final String CDRS = "cdrs";
    public static final String CHARGING_PROFILES = "chargingprofiles";
    public static final String COMMANDS = "commands";
    public static final String CREDENTIALS = "credentials";
    public static final String HUB_CLIENT_INFO = "hubclientinfo";
    public static final String LOCATIONS = "locations";
    /** OCPI 2.3.0 only. */
    public static final String PAYMENTS = "payments";
    public static final String SESSIONS = "sessions";
    public static final String TARIFFS = "tariffs";
    public static final String TOKENS = "tokens";

    private ModuleId() {
    }
}
