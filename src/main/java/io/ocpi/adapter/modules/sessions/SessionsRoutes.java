package io.ocpi.adapter.modules.sessions;

import static io.ocpi.adapter.modules.sessions.SessionsModule.KIND;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Pagination;
import io.ocpi.adapter.protocol.Platform;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The sessions module in both roles: as a CPO we serve our charging sessions and take drivers' charging preferences
 * (Sender), as an eMSP we keep the sessions CPOs push to us (Receiver).
 */
@Component
public class SessionsRoutes extends OcpiRouteBuilder {

    public static final String SENDER = OcpiUrls.cpo(ModuleId.SESSIONS);
    public static final String RECEIVER = OcpiUrls.emsp(ModuleId.SESSIONS);

    private final OwnedObjects objects;
    private final ChargingPreferencesDecision preferences;
    private final Pagination pagination;
    private final Platform platform;

    public SessionsRoutes(OwnedObjects objects, ChargingPreferencesDecision preferences, Pagination pagination, Platform platform) {
        this.objects = objects;
        this.preferences = preferences;
        this.pagination = pagination;
        this.platform = platform;
    }

    @Override
    public void configure() {
        rest(SENDER)
                .get().to("direct:sessions-sender-list")
                .put("/{session_id}/charging_preferences").to("direct:sessions-sender-charging-preferences");
        String session = "/{country_code}/{party_id}/{session_id}";
        rest(RECEIVER)
                .get(session).to("direct:sessions-receiver-get")
                .put(session).to("direct:sessions-receiver-put")
                .patch(session).to("direct:sessions-receiver-patch");

        // The spec marks date_from required here, unlike the other lists; we serve a list without it all the same.
        moduleRoute("sessions-sender-list", Role.CPO)
                .answer((caller, e) -> objects.list(ModuleId.SESSIONS, SENDER, platform.parties(Role.CPO), concerns(caller),
                        pagination.request(e)));
        // Charging preferences came with 2.2: no endpoint at 2.1.1 paths.
        moduleRoute("sessions-sender-charging-preferences", Role.CPO)
                .answer((caller, e) -> {
                    if (OcpiExchange.version(e) == VersionNumber.V2_1_1) {
                        throw OcpiException.notFound("no charging preferences in OCPI 2.1.1");
                    }
                    return preferences.decide(caller, param(e, "session_id"), bodies.read(body(e), ChargingPreferences.class));
                });

        moduleRoute("sessions-receiver-get", Role.EMSP)
                .answer((caller, e) -> objects.get(caller, key(e, ModuleId.SESSIONS, "session_id")));
        moduleRoute("sessions-receiver-put", Role.EMSP)
                .answer((caller, e) -> objects.put(caller, KIND, key(e, ModuleId.SESSIONS, "session_id"), body(e)));
        moduleRoute("sessions-receiver-patch", Role.EMSP)
                .answer((caller, e) -> objects.patch(caller, KIND, key(e, ModuleId.SESSIONS, "session_id"), body(e)));

        input(ModuleId.SESSIONS, "publish")
                .process(e -> e.getMessage().setBody(objects.write(objects.publish(KIND, Role.CPO, e.getIn().getBody(byte[].class)))));
    }

    /** A hub sees every session it forwards; any other peer only those of its own tokens. */
    private List<Party> concerns(io.ocpi.adapter.protocol.Caller caller) {
        return platform.isHub(caller) ? null : platform.partiesOf(caller);
    }

    /** mod_sessions: charging periods in a PATCH are added to those stored, every other field replaces. */
    static ObjectNode appendChargingPeriods(ObjectNode current, ObjectNode patch) {
        ObjectNode merged = OwnedObjects.replaceFields(current, patch);
        if (patch.has("charging_periods") && patch.get("charging_periods").isArray()) {
            ArrayNode periods = current.has("charging_periods") && current.get("charging_periods").isArray()
                    ? ((ArrayNode) current.get("charging_periods")).deepCopy() : merged.arrayNode();
            patch.get("charging_periods").forEach(period -> periods.add(period.deepCopy()));
            merged.set("charging_periods", periods);
        }
        return merged;
    }
}
