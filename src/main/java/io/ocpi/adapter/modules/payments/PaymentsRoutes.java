package io.ocpi.adapter.modules.payments;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.modules.payments.Payments.Type;
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
 * The payments module's Receiver interface, which we serve as a CPO: a PTP POSTs its terminals and financial advice
 * confirmations to {@code terminals} and {@code financial-advice-confirmations} below the module's URL, and GETs them
 * back by id. And the inputs through which routes of ours call the PTP's Terminals Sender ({@link PtpTerminals}):
 * {@code direct:ocpi.payments.terminals.update}, {@code .assign}, {@code .activate} and {@code .deactivate}.
 */
@Component
public class PaymentsRoutes extends OcpiRouteBuilder {

    public static final String RECEIVER = OcpiUrls.cpo(ModuleId.PAYMENTS);

    private final Payments payments;
    private final PtpTerminals terminals;

    public PaymentsRoutes(Payments payments, PtpTerminals terminals) {
        this.payments = payments;
        this.terminals = terminals;
    }

    @Override
    public void configure() {
        rest(RECEIVER)
                .post("/terminals").to("direct:payments-terminals-post")
                .get("/terminals/{terminal_id}").to("direct:payments-terminals-get")
                .post("/financial-advice-confirmations").to("direct:payments-confirmations-post")
                .get("/financial-advice-confirmations/{financial_advice_confirmation_id}").to("direct:payments-confirmations-get");

        moduleRoute("payments-terminals-post", Role.CPO)
                .answer(Terminal.class, (caller, terminal, e) -> payments.receive(caller, OcpiExchange.routing(e), terminal));
        moduleRoute("payments-terminals-get", Role.CPO)
                .answer((caller, e) -> payments.get(caller, OcpiExchange.routing(e), Type.TERMINALS, param(e, "terminal_id")));
        moduleRoute("payments-confirmations-post", Role.CPO)
                .answer(FinancialAdviceConfirmation.class,
                        (caller, confirmation, e) -> payments.receive(caller, OcpiExchange.routing(e), confirmation));
        moduleRoute("payments-confirmations-get", Role.CPO)
                .answer((caller, e) -> payments.get(caller, OcpiExchange.routing(e), Type.FINANCIAL_ADVICE_CONFIRMATIONS,
                        param(e, "financial_advice_confirmation_id")));

        // Our calls to a PTP's Terminals Sender: headers name the PTP and, but for an activation, the terminal.
        input(ModuleId.PAYMENTS, "terminals.update")
                .process(e -> answer(e, terminals.update(ptp(e), terminalId(e), e.getIn().getBody(byte[].class))));
        input(ModuleId.PAYMENTS, "terminals.assign")
                .process(e -> answer(e, terminals.assign(ptp(e), terminalId(e), e.getIn().getBody(byte[].class))));
        input(ModuleId.PAYMENTS, "terminals.activate")
                .process(e -> answer(e, terminals.activate(ptp(e), e.getIn().getBody(byte[].class))));
        input(ModuleId.PAYMENTS, "terminals.deactivate")
                .process(e -> answer(e, terminals.deactivate(ptp(e), terminalId(e))));
    }

    private static Party ptp(Exchange exchange) {
        return new Party(header(exchange, OcpiEvents.COUNTRY_CODE), header(exchange, OcpiEvents.PARTY_ID));
    }

    private static String terminalId(Exchange exchange) {
        return header(exchange, OcpiEvents.OBJECT_ID);
    }

    private static String header(Exchange exchange, String name) {
        String value = exchange.getIn().getHeader(name, String.class);
        if (value == null || value.isBlank()) {
            throw OcpiException.invalid(name + ": missing");
        }
        return value;
    }

    /** The PTP's response data as JSON text; nothing when it answered none. */
    private static void answer(Exchange exchange, JsonNode data) {
        exchange.getMessage().setBody(data == null || data.isNull() ? null : data.toString());
    }
}
