package io.ocpi.adapter.ocpi;

/** The module identifiers of OCPI 2.2.1, as they appear in version details. */
public final class ModuleId {
    public static final String CDRS = "cdrs";
    public static final String CHARGING_PROFILES = "chargingprofiles";
    public static final String COMMANDS = "commands";
    public static final String CREDENTIALS = "credentials";
    public static final String HUB_CLIENT_INFO = "hubclientinfo";
    public static final String LOCATIONS = "locations";
    public static final String SESSIONS = "sessions";
    public static final String TARIFFS = "tariffs";
    public static final String TOKENS = "tokens";

    private ModuleId() {
    }
}
