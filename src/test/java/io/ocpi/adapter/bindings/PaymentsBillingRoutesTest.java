package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The billing routes of the payments module's events (routes/billing.camel.yaml), with the real mappings and
 * queries, on the reference billing schema: in PostgreSQL when the tests have one ({@code OCPI_TEST_POSTGRES_URL}, a
 * schema of this test's own), else in an in-memory H2 database.
 */
class PaymentsBillingRoutesTest extends RouteFileTestSupport {

    private static final Map<String, Object> PTP = Map.of("OcpiCountryCode", "NL", "OcpiPartyId", "PTP", "OcpiObjectId", "ID");

    private final String schema = "payments_billing_" + UUID.randomUUID().toString().substring(0, 8);
    private final DataSource billing;
    private final JdbcTemplate sql;

    PaymentsBillingRoutesTest() {
        billing = TestDatabase.isPostgres() ? postgres() : h2();
        new ResourceDatabasePopulator(new FileSystemResource("config/billing/schema.sql")).execute(billing);
        sql = new JdbcTemplate(billing);
    }

    private DataSource postgres() {
        String url = System.getenv("OCPI_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("OCPI_TEST_POSTGRES_USER", "ocpi");
        String password = System.getenv().getOrDefault("OCPI_TEST_POSTGRES_PASSWORD", "ocpi");
        new JdbcTemplate(new DriverManagerDataSource(url, user, password)).execute("CREATE SCHEMA " + schema);
        return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:billing-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        return h2;
    }

    @AfterEach
    void dropSchema() {
        if (TestDatabase.isPostgres()) {
            sql.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    String routeFile() {
        return "billing.camel.yaml";
    }

    @Override
    Map<String, String> settings() {
        return Map.of("ocpi.bindings.billing.enabled", "true");
    }

    @Override
    void bind(Registry registry) {
        registry.bind("billing", billing);
    }

    private static String example(String name) throws IOException {
        try (InputStream in = PaymentsBillingRoutesTest.class.getResourceAsStream("/spec-examples-2.3.0/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSpecsConfirmationBecomesOnePaymentCaptureHoweverOftenItArrives() throws Exception {
        start("billing-payment-captures-received");
        String confirmation = example("payment_financial_advice_confirmation_create.json");

        template.sendBodyAndHeaders("direct:ocpi.payments.financial-advice-confirmations.received.billing", confirmation, PTP);
        template.sendBodyAndHeaders("direct:ocpi.payments.financial-advice-confirmations.received.billing", confirmation, PTP);

        assertThat(sql.queryForObject("SELECT COUNT(*) FROM billing_payment_capture", Integer.class)).isEqualTo(1);
        Map<String, Object> capture = sql.queryForMap("SELECT * FROM billing_payment_capture");
        assertThat(capture).containsEntry("ptp_country_code", "NL").containsEntry("ptp_party_id", "PTP")
                .containsEntry("confirmation_id", "452cf8a1-79aa-4a0e-9aee-dc788586053c")
                .containsEntry("authorization_reference", "pp-100100-1948213567")
                .containsEntry("capture_status", "SUCCESS").containsEntry("capture_message", "Capture successfull at PSP")
                .containsEntry("currency", "EUR")
                .containsEntry("eft_data", "Mastercard\nAID: 1234\nCrypto: 3456\nNr: **** **** **** 1234\nSEQ: 00\nAmount: EUR 4.40");
        assertThat((BigDecimal) capture.get("amount_excl_vat")).isEqualByComparingTo("4.00");
        assertThat((BigDecimal) capture.get("amount_incl_vat")).isEqualByComparingTo("4.40");
        assertThat(sql.queryForObject("SELECT last_updated = TIMESTAMP WITH TIME ZONE '2018-12-10 17:16:15+00' FROM billing_payment_capture",
                Boolean.class)).isTrue();
    }

    @Test
    void aConfirmationSentAgainChangedReplacesItsRowAndOneWithoutEftDataIsKept() throws Exception {
        start("billing-payment-captures-received");
        template.sendBodyAndHeaders("direct:ocpi.payments.financial-advice-confirmations.received.billing",
                example("payment_financial_advice_confirmation_example_success.json"), PTP);
        template.sendBodyAndHeaders("direct:ocpi.payments.financial-advice-confirmations.received.billing",
                example("payment_financial_advice_confirmation_example_failure.json"), PTP);

        Map<String, Object> capture = sql.queryForMap("SELECT * FROM billing_payment_capture");
        assertThat(capture).containsEntry("capture_status", "FAILED").containsEntry("eft_data", null)
                .containsEntry("capture_message", "Capture unsuccessful at PSP");
        assertThat((BigDecimal) capture.get("amount_incl_vat")).isEqualByComparingTo("0");

        template.sendBodyAndHeaders("direct:ocpi.payments.financial-advice-confirmations.received.billing",
                example("payment_financial_advice_confirmation_example_success.json"),
                Map.of("OcpiCountryCode", "DE", "OcpiPartyId", "PAY"));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM billing_payment_capture", Integer.class))
                .as("ids are unique per PTP only").isEqualTo(2);
    }

    @Test
    void aTerminalIsKeptWithItsAssignedLocationsAndEvses() throws Exception {
        start("billing-payment-terminals-received");
        template.sendBodyAndHeaders("direct:ocpi.payments.terminals.received.billing",
                example("payment_terminal_example_assigned_locations_assigned_evses.json"), PTP);

        Map<String, Object> terminal = sql.queryForMap("SELECT * FROM billing_payment_terminal");
        assertThat(terminal).containsEntry("terminal_id", "9e94f62c-661b-4afa-b6da-019b58fab9ac")
                .containsEntry("ptp_party_id", "PTP").containsEntry("customer_reference", "BP").containsEntry("invoice_creator", "PTP")
                .containsEntry("invoice_base_url", "https://somecompany.com/invoices")
                .containsEntry("location_ids", "df37373d-1669-4127-a6ac-d86750095119,a06dc823-3e5a-40c8-89cf-1b5b9e941412,"
                        + "55719888-ed09-4cca-82cc-803bdb77bf26")
                .containsEntry("evse_uids", "17d5f8ea-8832-454f-aff5-257bc6a25353");
    }

    @Test
    void aTerminalCreatedWithItsIdAloneIsKeptAndLaterCompleted() throws Exception {
        start("billing-payment-terminals-received");
        template.sendBodyAndHeaders("direct:ocpi.payments.terminals.received.billing", example("payment_terminal_create_minimal.json"), PTP);

        Map<String, Object> minimal = sql.queryForMap("SELECT * FROM billing_payment_terminal");
        assertThat(minimal).containsEntry("terminal_id", "452cf8a1-79aa-4a0e-9aee-dc788586053c")
                .containsEntry("last_updated", null).containsEntry("location_ids", null);

        template.sendBodyAndHeaders("direct:ocpi.payments.terminals.received.billing", example("payment_terminal_create.json"), PTP);
        template.sendBodyAndHeaders("direct:ocpi.payments.terminals.received.billing", example("payment_terminal_create.json"), PTP);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM billing_payment_terminal", Integer.class)).isEqualTo(1);
        Map<String, Object> completed = sql.queryForMap("SELECT * FROM billing_payment_terminal");
        assertThat(completed).containsEntry("customer_reference", "ChargePoint").containsEntry("invoice_creator", "CPO")
                .as("no location assigned yet").containsEntry("location_ids", null);
        assertThat(completed.get("last_updated")).isNotNull();
    }
}
