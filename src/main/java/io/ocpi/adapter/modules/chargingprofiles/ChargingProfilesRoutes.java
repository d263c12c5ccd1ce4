package io.ocpi.adapter.modules.chargingprofiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.asyncrequests.AsyncRequestCycle;
import io.ocpi.adapter.modules.chargingprofiles.ChargingProfiles.Operation;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The chargingprofiles module: as a CPO we take smart-charging requests on our sessions (Receiver), as an eMSP we take
 * the CPOs' active profiles and the results of our own requests (Sender). See {@link ChargingProfiles}.
 */
@Component
public class ChargingProfilesRoutes extends OcpiRouteBuilder {

    public static final String RECEIVER = OcpiUrls.cpo(ModuleId.CHARGING_PROFILES);
    public static final String SENDER = OcpiUrls.emsp(ModuleId.CHARGING_PROFILES);

    private final ChargingProfiles profiles;
    private final ObjectMapper json;

    public ChargingProfilesRoutes(ChargingProfiles profiles, ObjectMapper json) {
        this.profiles = profiles;
        this.json = json;
    }

    @Override
    public void configure() {
        rest(RECEIVER)
                .get("/{session_id}").to("direct:chargingprofiles-receiver-get")
                .put("/{session_id}").to("direct:chargingprofiles-receiver-put")
                .delete("/{session_id}").to("direct:chargingprofiles-receiver-delete");
        rest(SENDER)
                .put("/{session_id}").to("direct:chargingprofiles-sender-active")
                .post("/results/{request_id}").to("direct:chargingprofiles-sender-result");

        moduleRoute("chargingprofiles-receiver-get", Role.CPO)
                .answer((caller, e) -> {
                    ObjectNode request = json.createObjectNode().put("duration", duration(e));
                    return profiles.receive(caller, OcpiExchange.routing(e), Operation.GET_ACTIVE, param(e, "session_id"), request,
                            e.getIn().getHeader("response_url", String.class));
                });
        moduleRoute("chargingprofiles-receiver-put", Role.CPO)
                .answer(SetChargingProfile.class, (caller, set, e) -> profiles.receive(caller, OcpiExchange.routing(e), Operation.SET,
                        param(e, "session_id"), json.valueToTree(set), set.responseUrl()));
        moduleRoute("chargingprofiles-receiver-delete", Role.CPO)
                .answer((caller, e) -> profiles.receive(caller, OcpiExchange.routing(e), Operation.CLEAR, param(e, "session_id"),
                        json.createObjectNode(), e.getIn().getHeader("response_url", String.class)));

        moduleRoute("chargingprofiles-sender-active", Role.EMSP)
                .answer((caller, e) -> profiles.activeReceived(caller, param(e, "session_id"), body(e)));
        moduleRoute("chargingprofiles-sender-result", Role.EMSP)
                .answer((caller, e) -> profiles.resultReceived(caller, param(e, "request_id"), body(e)));

        input(ModuleId.CHARGING_PROFILES, "respond")
                .process(e -> profiles.respond(e.getIn().getHeader(AsyncRequestCycle.REQUEST_ID, String.class), e.getIn().getBody(byte[].class)));
        input(ModuleId.CHARGING_PROFILES, "push-active")
                .process(e -> profiles.pushActive(e.getIn().getHeader(OcpiEvents.OBJECT_ID, String.class), e.getIn().getBody(byte[].class)));
        input(ModuleId.CHARGING_PROFILES, "send")
                .process(e -> {
                    AsyncRequestCycle.Sent<ChargingProfileResponse> sent = profiles.send(
                            Operation.valueOf(e.getIn().getHeader(ChargingProfiles.OPERATION, String.class)),
                            new Party(e.getIn().getHeader(OcpiEvents.COUNTRY_CODE, String.class), e.getIn().getHeader(OcpiEvents.PARTY_ID, String.class)),
                            e.getIn().getHeader(OcpiEvents.OBJECT_ID, String.class),
                            e.getIn().getBody(byte[].class),
                            e.getIn().getHeader(ChargingProfiles.DURATION, Integer.class));
                    e.getMessage().setHeader(AsyncRequestCycle.REQUEST_ID, sent.requestId());
                    e.getMessage().setBody(sent.response());
                })
                .marshal().json();
    }

    private static int duration(Exchange e) {
        String value = param(e, "duration");
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds <= 0) {
                throw OcpiException.invalid("duration: must be a positive number of seconds");
            }
            return seconds;
        } catch (NumberFormatException notANumber) {
            throw OcpiException.invalid("duration: '" + value + "' is not a whole number of seconds");
        }
    }
}
