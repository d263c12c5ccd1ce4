package io.ocpi.adapter.support;

import java.util.HashMap;
import java.util.Map;

/** The settings that point an adapter's SAP binding at a test's SFTP server (user sap); the IDocs become Tokens of the adapter's eMSP party. */
public final class SapBindingSettings {

    public static final String USER = "sap";
    public static final String PASSWORD = "secret";

    private SapBindingSettings() {
    }

    /** Polling the inbound folder every 200 ms; a mutable map, for a test to add its own. */
    public static Map<String, Object> on(int sftpPort) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("ocpi.bindings.sftp.enabled", true);
        settings.put("ocpi.bindings.sftp.port", sftpPort);
        settings.put("ocpi.bindings.sftp.username", USER);
        settings.put("ocpi.bindings.sftp.password", PASSWORD);
        settings.put("ocpi.bindings.sftp.poll-interval", 200);
        return settings;
    }
}
