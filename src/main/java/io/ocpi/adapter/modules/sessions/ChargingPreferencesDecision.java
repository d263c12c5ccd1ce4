package io.ocpi.adapter.modules.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.Platform;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Answers a driver's charging preferences for one of our sessions. The session must be ours and concern the caller,
 * and its EVSE must be CHARGING_PREFERENCES_CAPABLE (else HTTP 404 with OCPI 2001, as mod_sessions says). The
 * answer comes from the route listening on {@code direct:ocpi.sessions.charging-preferences}, which passes the
 * preferences on to the charge point; with no such route nothing can, and the answer is NOT_POSSIBLE.
 */
@Component
public class ChargingPreferencesDecision {

    private final OwnedObjects objects;
    private final Platform platform;
    private final OcpiEvents events;

    public ChargingPreferencesDecision(OwnedObjects objects, Platform platform, OcpiEvents events) {
        this.objects = objects;
        this.platform = platform;
        this.events = events;
    }

    public ChargingPreferencesResponse decide(Caller caller, String sessionId, ChargingPreferences preferences) {
        ObjectNode session = objects.findOurs(ModuleId.SESSIONS, platform.parties(Role.CPO), sessionId, "")
                .map(objects::object)
                .filter(s -> platform.isHub(caller) || platform.partiesOf(caller).contains(tokenOwner(s)))
                .orElseThrow(() -> new OcpiException(OcpiStatus.INVALID_OR_MISSING_PARAMETERS, 404, "unknown session " + sessionId));
        if (!capable(session)) {
            throw new OcpiException(OcpiStatus.INVALID_OR_MISSING_PARAMETERS, 404,
                    "the EVSE of session " + sessionId + " does not take charging preferences");
        }
        Object answer = events.announce(ModuleId.SESSIONS, "charging-preferences", objects.write(preferences), OcpiEvents.about(caller.peer(),
                Map.of(OcpiEvents.OBJECT_ID, sessionId)));
        if (answer == null) {
            return ChargingPreferencesResponse.NOT_POSSIBLE;
        }
        try {
            return ChargingPreferencesResponse.valueOf(answer.toString().trim().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the charging-preferences route answered '" + answer + "', not a ChargingPreferencesResponse", e);
        }
    }

    private static Party tokenOwner(JsonNode session) {
        JsonNode token = session.path("cdr_token");
        return new Party(token.path("country_code").asText(), token.path("party_id").asText());
    }

    private boolean capable(JsonNode session) {
        String locationId = session.path("location_id").asText();
        String evseUid = session.path("evse_uid").asText();
        return objects.findOurs(ModuleId.LOCATIONS, platform.parties(Role.CPO), locationId, "")
                .map(objects::object)
                .map(location -> {
                    for (JsonNode evse : location.path("evses")) {
                        if (evse.path("uid").asText().equalsIgnoreCase(evseUid)) {
                            for (JsonNode capability : evse.path("capabilities")) {
                                if ("CHARGING_PREFERENCES_CAPABLE".equals(capability.asText())) {
                                    return true;
                                }
                            }
                        }
                    }
                    return false;
                })
                .orElse(false);
    }
}
