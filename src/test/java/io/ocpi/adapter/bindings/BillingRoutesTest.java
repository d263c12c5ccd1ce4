package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ocpi.adapter.support.Samples;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The routes of routes/billing.camel.yaml, each on its own, with the real queries and mappings. The pollers run
 * against the reference billing schema in an in-memory database (their rules are SQL: what is marked published, what
 * is counted as failed); the calls of the other routes are replaced by mocks. The adapter's inputs they publish to
 * are mocks.
 */
class BillingRoutesTest extends RouteFileTestSupport {

    private final JdbcDataSource billing = new JdbcDataSource();
    private final JdbcTemplate sql;

    BillingRoutesTest() {
        // As PostgreSQL names the columns of a row (lower case), which the routes and mappings read.
        billing.setURL("jdbc:h2:mem:billing-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        ResourceDatabasePopulator schema = new ResourceDatabasePopulator(new FileSystemResource("config/billing/schema.sql"));
        schema.execute(billing);
        sql = new JdbcTemplate(billing);
    }

    @Override
    String routeFile() {
        return "billing.camel.yaml";
    }

    @Override
    Map<String, String> settings() {
        return Map.of("ocpi.bindings.billing.poll-interval", "50");
    }

    @Override
    void bind(Registry registry) {
        registry.bind("billing", billing);
    }

    private void contract(String contractId, String state, String cardUid) {
        sql.update("INSERT INTO billing_contract (contract_id, customer_name, state, language, changed_at) VALUES (?, 'A customer', ?, 'nl', TIMESTAMP WITH TIME ZONE '2025-03-01 12:00:00+00')",
                contractId, state);
        sql.update("INSERT INTO billing_card (uid, contract_id, card_type, visual_number, changed_at) VALUES (?, ?, 'RFID', ?, TIMESTAMP WITH TIME ZONE '2025-03-01 12:00:00+00')",
                cardUid, contractId, "UMS-" + cardUid);
    }

    private Map<String, Object> card(String uid) {
        return sql.queryForMap("SELECT published_at, failed_change_at, publish_failures FROM billing_card WHERE uid = ?", uid);
    }

    private MockEndpoint publishedTokens() throws Exception {
        AdviceWith.adviceWith(context, "billing-cards-to-tokens", route -> route.mockEndpointsAndSkip("direct:ocpi.*"));
        return getMockEndpoint("mock:direct:ocpi.tokens.publish");
    }

    @Test
    void aChangedCardIsPublishedAsOurTokenAndMarkedWithTheChangeItCarried() throws Exception {
        contract("NL-UMS-C00000001-1", "ACTIVE", "04AA");
        MockEndpoint tokens = publishedTokens();
        start("billing-cards-to-tokens");

        await().atMost(Duration.ofSeconds(10)).until(() -> card("04AA").get("published_at") != null);
        Exchange token = tokens.getExchanges().get(0);
        assertThat(token.getMessage().getBody(String.class)).contains("\"uid\":\"04AA\"").contains("\"contract_id\":\"NL-UMS-C00000001-1\"")
                .contains("\"valid\":true").contains("\"country_code\":\"NL\"").contains("\"party_id\":\"UMS\"")
                .contains("\"issuer\":\"Utility Mobility Service\"");
        assertThat(card("04AA")).containsEntry("publish_failures", 0);
        Thread.sleep(300);
        assertThat(tokens.getReceivedCounter()).as("published once, then no longer changed").isEqualTo(1);
    }

    @Test
    void aCardThatKeepsFailingIsGivenUpAfterFiveAttemptsUntilItChangesAgainAndTheOthersGoOn() throws Exception {
        contract("NL-UMS-C00000002-1", "ACTIVE", "04BAD");
        contract("NL-UMS-C00000003-1", "ACTIVE", "04GOOD");
        MockEndpoint tokens = publishedTokens();
        tokens.whenAnyExchangeReceived(exchange -> {
            if (exchange.getMessage().getBody(String.class).contains("04BAD")) {
                throw new IllegalStateException("the Token of 04BAD is refused");
            }
        });
        start("billing-cards-to-tokens");

        await().atMost(Duration.ofSeconds(10)).until(() -> card("04GOOD").get("published_at") != null
                && ((Number) card("04BAD").get("publish_failures")).intValue() == 5);
        Thread.sleep(500);
        assertThat(card("04BAD")).as("no longer polled").containsEntry("publish_failures", 5).containsEntry("published_at", null);
        assertThat(card("04BAD").get("failed_change_at")).isNotNull();
        assertThat(tokens.getExchanges().stream().filter(sent -> sent.getMessage().getBody(String.class).contains("04BAD"))).hasSize(5);

        // Fixed in billing: its next change is published, and its failures are cleared.
        tokens.whenAnyExchangeReceived(exchange -> {
        });
        sql.update("UPDATE billing_card SET changed_at = TIMESTAMP WITH TIME ZONE '2025-03-02 12:00:00+00' WHERE uid = '04BAD'");
        await().atMost(Duration.ofSeconds(10)).until(() -> card("04BAD").get("published_at") != null);
        assertThat(card("04BAD")).containsEntry("publish_failures", 0).containsEntry("failed_change_at", null);
    }

    @Test
    void aChangedSiteIsPublishedAsOurLocationWithItsChargePoints() throws Exception {
        sql.update("""
                INSERT INTO asset_site (site_id, name, street, postal_code, city, country, latitude, longitude, time_zone, public_site, open_24_7, changed_at)
                VALUES ('SITE-1', 'Depot', 'Kade 1', '1011AA', 'Amsterdam', 'NLD', '52.37403', '4.88969', 'Europe/Amsterdam', true, true, TIMESTAMP WITH TIME ZONE '2025-03-01 12:00:00+00')""");
        AdviceWith.adviceWith(context, "billing-sites-to-locations", route -> route.mockEndpointsAndSkip("direct:ocpi.*"));
        MockEndpoint locations = getMockEndpoint("mock:direct:ocpi.locations.publish");
        start("billing-sites-to-locations");

        await().atMost(Duration.ofSeconds(10)).until(() -> sql.queryForObject(
                "SELECT published_at FROM asset_site WHERE site_id = 'SITE-1'", Object.class) != null);
        Exchange location = locations.getExchanges().get(0);
        assertThat(location.getMessage().getBody(String.class)).contains("\"id\":\"SITE-1\"").contains("\"city\":\"Amsterdam\"")
                .contains("\"party_id\":\"UCP\"");
        assertThat(location.getMessage().getHeaders()).doesNotContainKey("AssetConnectors").containsEntry("BillingRowId", "SITE-1");
    }

    @Test
    void aChangedTariffIsPublishedAsOurTariff() throws Exception {
        sql.update("INSERT INTO billing_tariff (tariff_id, currency, changed_at) VALUES ('T-1', 'EUR', TIMESTAMP WITH TIME ZONE '2025-03-01 12:00:00+00')");
        AdviceWith.adviceWith(context, "billing-tariffs-to-tariffs", route -> route.mockEndpointsAndSkip("direct:ocpi.*"));
        MockEndpoint tariffs = getMockEndpoint("mock:direct:ocpi.tariffs.publish");
        start("billing-tariffs-to-tariffs");

        await().atMost(Duration.ofSeconds(10)).until(() -> sql.queryForObject(
                "SELECT published_at FROM billing_tariff WHERE tariff_id = 'T-1'", Object.class) != null);
        assertThat(tariffs.getExchanges().get(0).getMessage().getBody(String.class)).contains("\"id\":\"T-1\"").contains("\"currency\":\"EUR\"");
    }

    @Test
    void aCardIsAuthorizedByItsContractsStateAndAnUnknownOneIsNotAllowed() throws Exception {
        AdviceWith.adviceWith(context, "billing-authorize", route -> route.mockEndpointsAndSkip("sql:*"));
        start("billing-authorize");
        MockEndpoint contractState = getMockEndpoint("mock:sql:file:mappings/billing/contract-state.sql");

        contractState.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(Map.of("contract_id", "C-1", "allowed", "BLOCKED")));
        String blocked = template.requestBodyAndHeaders("direct:ocpi.tokens.authorize", "{\"location\":{\"location_id\":\"LOC1\"}}",
                Map.of("OcpiObjectId", "04AA", "OcpiLocationId", "LOC1"), String.class);
        assertThat(blocked).contains("\"allowed\":\"BLOCKED\"").contains("authorization_reference");
        assertThat(contractState.getExchanges().get(0).getMessage().getHeaders()).containsEntry("OcpiLocationId", "LOC1");
        assertThat(contractState.getExchanges().get(0).getMessage().getBody()).as("parameters are headers").isNull();

        contractState.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(null));
        assertThat(template.requestBodyAndHeader("direct:ocpi.tokens.authorize", "{}", "OcpiObjectId", "04ZZ", String.class))
                .isEqualTo("NOT_ALLOWED");
    }

    @Test
    void aCdrFromARoamingPartnerBecomesTheParametersOfABillingLineItem() throws Exception {
        AdviceWith.adviceWith(context, "billing-cdrs-received", route -> route.mockEndpointsAndSkip("sql:*"));
        start("billing-cdrs-received");

        template.sendBody("direct:ocpi.cdrs.received.billing", Samples.cdr("PCP", "CDR-1", "UMS"));

        Exchange insert = getMockEndpoint("mock:sql:file:mappings/billing/insert-line-item.sql").getExchanges().get(0);
        assertThat(insert.getMessage().getBody(Map.class)).containsEntry("cdr_id", "CDR-1").containsEntry("cpo_party_id", "PCP")
                .containsKey("amount_excl_vat").containsKey("energy_kwh");
    }
}
