package io.ocpi.adapter.modules.commands;

import io.ocpi.adapter.modules.asyncrequests.AsyncRequestCycle;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import org.springframework.stereotype.Component;

/**
 * The commands module: as a CPO we take commands (Receiver), as an eMSP we serve the response URLs of the commands we
 * send (Sender). See {@link Commands} for the flow, and docs/extension-points.md for the internal endpoints.
 */
@Component
public class CommandsRoutes extends OcpiRouteBuilder {

    public static final String RECEIVER = OcpiUrls.cpo(ModuleId.COMMANDS);
    public static final String SENDER = OcpiUrls.emsp(ModuleId.COMMANDS);

    private final Commands commands;

    public CommandsRoutes(Commands commands) {
        this.commands = commands;
    }

    @Override
    public void configure() {
        rest(RECEIVER).post("/{command}").to("direct:commands-receiver-post");
        rest(SENDER).post("/{command}/{request_id}").to("direct:commands-sender-result");

        moduleRoute("commands-receiver-post", Role.CPO)
                .answer((caller, e) -> commands.receive(caller, OcpiExchange.routing(e), param(e, "command"), body(e)));
        moduleRoute("commands-sender-result", Role.EMSP)
                .answer((caller, e) -> commands.resultReceived(caller, param(e, "command"), param(e, "request_id"), body(e)));

        // The outcome of a command we received, from the route that passed it to the charge point.
        input(ModuleId.COMMANDS, "respond")
                .process(e -> commands.respond(e.getIn().getHeader(AsyncRequestCycle.REQUEST_ID, String.class), e.getIn().getBody(byte[].class)));

        // A command to send to a CPO: headers name the command and the CPO's party.
        input(ModuleId.COMMANDS, "send")
                .process(e -> {
                    AsyncRequestCycle.Sent<CommandResponse> sent = commands.send(Commands.type(e.getIn().getHeader(Commands.COMMAND, String.class)),
                            new Party(e.getIn().getHeader(OcpiEvents.COUNTRY_CODE, String.class), e.getIn().getHeader(OcpiEvents.PARTY_ID, String.class)),
                            e.getIn().getBody(byte[].class));
                    e.getMessage().setHeader(AsyncRequestCycle.REQUEST_ID, sent.requestId());
                    e.getMessage().setBody(sent.response());
                })
                .marshal().json();

        from("timer:ocpi-command-timeouts?period={{ocpi.result-sweep-interval:5000}}").routeId("commands-timeouts")
                .process(e -> commands.concludeOverdue());
    }
}
