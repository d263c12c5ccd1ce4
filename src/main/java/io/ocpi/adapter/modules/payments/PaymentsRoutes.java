package io.ocpi.adapter.modules.payments;

import io.ocpi.adapter.modules.payments.Payments.Type;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import org.springframework.stereotype.Component;

/**
 * The payments module's Receiver interface, which we serve as a CPO: a PTP POSTs its terminals and financial advice
 * confirmations to {@code terminals} and {@code financial-advice-confirmations} below the module's URL, and GETs them
 * back by id.
 */
@Component
public class PaymentsRoutes extends OcpiRouteBuilder {

    public static final String RECEIVER = OcpiUrls.cpo(ModuleId.PAYMENTS);

    private final Payments payments;

    public PaymentsRoutes(Payments payments) {
        this.payments = payments;
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
    }
}
