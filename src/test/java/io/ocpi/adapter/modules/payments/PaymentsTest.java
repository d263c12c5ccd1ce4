package io.ocpi.adapter.modules.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.BusinessDetails;
import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.push.Outbox;
import io.ocpi.adapter.push.OutboxItem;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.registry.PeerRepository.Registration;
import io.ocpi.adapter.registry.PeerStatus;
import io.ocpi.adapter.registry.PeerTokens;
import io.ocpi.adapter.registry.TokenEncoding;
import io.ocpi.adapter.registry.TokenScope;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Received;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payments module over real HTTP, as a PTP (payment terminal provider) calls our Receiver interface: the
 * registry holds the PTP as the 2.3.0 handshake leaves it, with role PTP and its payments Sender.
 */
class PaymentsTest {

    static final String MODULE = OcpiUrls.in(VersionNumber.V2_3_0, OcpiUrls.cpo("payments"));
    static final String TERMINALS = MODULE + "/terminals";
    static final String CONFIRMATIONS = MODULE + "/financial-advice-confirmations";

    static AdapterInstance adapter;
    static FakePeer ptpPlatform;
    static String ptp;
    static String otherPtp;
    static String emsp;
    static final List<Message> terminalEvents = new CopyOnWriteArrayList<>();
    static final List<Message> confirmationEvents = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        // The billing reference routes on, their tables in the adapter's database.
        adapter = AdapterInstance.start("payments", "NL", "AD", Map.of("ocpi.bindings.billing.enabled", true,
                "ocpi.bindings.billing.init-scripts", "config/billing/schema.sql", "ocpi.push.poll-interval", "100ms"));
        ptpPlatform = new FakePeer();
        ptp = register("ptp", Role.PTP, "NL", "PTP", ptpPlatform.url("/2.3.0/payments"));
        otherPtp = register("other-ptp", Role.PTP, "DE", "PAY", ptpPlatform.url("/2.3.0/other/payments"));
        emsp = register("emsp", Role.EMSP, "NL", "MSP", null);
        adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocpi.payments.terminals.received.test").process(e -> terminalEvents.add(e.getIn().copy()));
                from("direct:ocpi.payments.financial-advice-confirmations.received.test").process(e -> confirmationEvents.add(e.getIn().copy()));
            }
        });
    }

    /** A registered peer in one role, as the handshake leaves it; answers the token it calls us with. */
    static String register(String name, Role role, String countryCode, String partyId, String paymentsSender) {
        PeerRepository peers = adapter.bean(PeerRepository.class);
        long id = peers.create(name, PeerStatus.REGISTERED, TokenEncoding.BASE64);
        List<Endpoint> endpoints = paymentsSender == null ? List.of()
                : List.of(new Endpoint("payments", InterfaceRole.SENDER, paymentsSender));
        peers.saveRegistration(id, PeerStatus.REGISTERED, new Registration("http://localhost:1/" + name + "/versions", "2.3.0",
                name + "-token-b", TokenEncoding.BASE64,
                List.of(new CredentialsRole(role, new BusinessDetails(name, null, null), partyId, countryCode)), endpoints));
        return adapter.bean(PeerTokens.class).issue(id, TokenScope.FULL, null);
    }

    @AfterAll
    static void stop() {
        adapter.close();
        ptpPlatform.close();
    }

    static byte[] example(String name) throws IOException {
        try (InputStream in = PaymentsTest.class.getResourceAsStream("/spec-examples-2.3.0/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static JsonNode json(byte[] body) throws IOException {
        return AdapterInstance.JSON.readTree(body);
    }

    static Reply call(String token, String method, String path, Object body) {
        return adapter.ocpi(method, path, token, body);
    }

    static Reply call(String token, String method, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", "Token " + AdapterInstance.base64(token));
        return AdapterInstance.send(method, adapter.baseUrl() + path, all, body);
    }

    @Test
    void theModuleIsAReceiverOfOcpiTwoThreeZeroOnlyServedWhereThePtpCalls() {
        PaymentsModule module = adapter.bean(PaymentsModule.class);
        assertThat(module.versions()).containsExactly(VersionNumber.V2_3_0);
        assertThat(module.served()).extracting(served -> served.role() + " " + served.path())
                .containsExactly("RECEIVER " + OcpiUrls.cpo("payments"));
    }

    // --- Terminals ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"payment_terminal_create_minimal.json", "payment_terminal_create.json",
        "payment_terminal_example_newly_created.json", "payment_terminal_example_assigned_locations.json",
        "payment_terminal_example_assigned_locations_assigned_evses.json"})
    void everyTerminalExampleOfTheSpecIsAcceptedAndReadBackUnchanged(String name) throws IOException {
        byte[] terminal = example(name);
        Reply created = call(ptp, "POST", TERMINALS, terminal);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        assertThat(created.ocpiStatus()).isEqualTo(1000);

        String id = json(terminal).get("terminal_id").asText();
        Reply read = call(ptp, "GET", TERMINALS + "/" + id, null).assertStatus(200);
        assertThat(read.data()).isEqualTo(json(terminal));
    }

    @Test
    void aTerminalIsCreatedThenReplacedAndEachChangeIsAnnounced() throws IOException {
        ObjectNode terminal = (ObjectNode) json(example("payment_terminal_example_newly_created.json"));
        terminal.put("terminal_id", "T-ANNOUNCED");
        call(ptp, "POST", TERMINALS, terminal).assertStatus(201);
        terminal.putArray("location_ids").add("LOC1");
        terminal.put("last_updated", "2019-01-01T00:00:00Z");
        call(ptp, "POST", TERMINALS, terminal).assertStatus(200);

        assertThat(call(ptp, "GET", TERMINALS + "/t-announced", null).assertStatus(200).data().get("location_ids"))
                .as("ids are CiStrings").isEqualTo(terminal.get("location_ids"));
        await().atMost(Duration.ofSeconds(10)).until(() -> terminalEvents.stream()
                .filter(event -> "T-ANNOUNCED".equals(event.getHeader("OcpiObjectId"))).count() == 2);
        Message last = terminalEvents.stream().filter(event -> "T-ANNOUNCED".equals(event.getHeader("OcpiObjectId"))).toList().get(1);
        assertThat(last.getHeader("OcpiModule")).isEqualTo("payments");
        assertThat(last.getHeader("OcpiEvent")).isEqualTo("terminals.received");
        assertThat(last.getHeader("OcpiOperation")).isEqualTo("POST");
        assertThat(last.getHeader("OcpiCountryCode")).isEqualTo("NL");
        assertThat(last.getHeader("OcpiPartyId")).isEqualTo("PTP");
        assertThat(last.getHeader("OcpiPeer")).isEqualTo("ptp");
        assertThat(last.getHeader("OcpiVersion")).isEqualTo("2.3.0");
        assertThat(json(last.getBody(String.class).getBytes())).isEqualTo(terminal);
    }

    @Test
    void anInvalidTerminalIsRefusedNamingTheField() {
        assertRefused(TERMINALS, Map.of("customer_reference", "X"), "terminal_id: must not be null");
        assertRefused(TERMINALS, Map.of("terminal_id", "T1", "invoice_creator", "EMSP"), "invoice_creator: unknown value 'EMSP'");
        assertRefused(TERMINALS, Map.of("terminal_id", "T1", "coordinates", Map.of("latitude", "51.0", "longitude", "3.729944")),
                "coordinates.latitude: must be decimal degrees");
        assertRefused(TERMINALS, Map.of("terminal_id", "T1", "location_ids", List.of("L".repeat(37))), "location_ids[0]: size must be between 0 and 36");
        assertRefused(TERMINALS, Map.of("terminal_id", "T".repeat(37)), "terminal_id: size must be between 0 and 36");
        assertRefused(TERMINALS, Map.of("terminal_id", "T/1"), "terminal_id: must fit in a URL path segment");
        assertRefused(TERMINALS, Map.of("terminal_id", "T1", "country", "NLDX"), "country: size must be between 0 and 3");
        assertRefused(TERMINALS, Map.of("terminal_id", "T1", "last_updated", "yesterday"), "last_updated:");
        assertThat(call(ptp, "GET", TERMINALS + "/T1", null).status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void anUnknownTerminalIsNotFound() {
        Reply unknown = call(ptp, "GET", TERMINALS + "/NO-SUCH-TERMINAL", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
        assertThat(unknown.json().get("status_message").asText()).contains("NO-SUCH-TERMINAL");
        assertThat(call(ptp, "GET", TERMINALS + "/" + "T".repeat(37), null).ocpiStatus()).isEqualTo(2001);
    }

    @Test
    void eachPtpSeesOnlyItsOwnTerminalsAndOnlyAPtpMayCreateThem() {
        call(ptp, "POST", TERMINALS, Map.of("terminal_id", "T-MINE")).assertStatus(201);
        assertThat(call(otherPtp, "GET", TERMINALS + "/T-MINE", null).status()).isEqualTo(404);
        call(otherPtp, "POST", TERMINALS, Map.of("terminal_id", "T-MINE", "reference", "theirs")).assertStatus(201);
        assertThat(call(ptp, "GET", TERMINALS + "/T-MINE", null).data().has("reference")).isFalse();

        Reply notAPtp = call(emsp, "POST", TERMINALS, Map.of("terminal_id", "T-EMSP"));
        assertThat(notAPtp.status()).isEqualTo(403);
        assertThat(notAPtp.json().get("status_message").asText()).contains("only a PTP");
        assertThat(call(emsp, "GET", TERMINALS + "/T-MINE", null).status()).isEqualTo(403);

        Reply forAnother = call(ptp, "POST", TERMINALS, Map.of("terminal_id", "T-FORGED"),
                Map.of("OCPI-from-country-code", "DE", "OCPI-from-party-id", "PAY"));
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(call(otherPtp, "GET", TERMINALS + "/T-FORGED", null).status()).isEqualTo(404);
        call(ptp, "POST", TERMINALS, Map.of("terminal_id", "T-NAMED"), Map.of("OCPI-from-country-code", "NL", "OCPI-from-party-id", "PTP"))
                .assertStatus(201);
        call(ptp, "GET", TERMINALS + "/T-NAMED", null).assertStatus(200);
    }

    @Test
    void aPeerOfVersionTwoTwoOneCannotRegisterAsPtpWhichThatVersionDoesNotDefine() {
        Reply refused = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite("ptp-of-2.2.1"), Map.of("token", "ptp-221-b",
                "url", ptpPlatform.url("/versions"), "roles", List.of(Map.of("role", "PTP", "country_code", "NL", "party_id", "PT2",
                        "business_details", Map.of("name", "A PTP")))));
        assertThat(refused.ocpiStatus()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText())
                .isEqualTo("roles[0].role: unknown value 'PTP', expected one of [CPO, EMSP, HUB, NAP, NSP, OTHER, SCSP]");
    }

    // --- Financial advice confirmations ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"payment_financial_advice_confirmation_create.json",
        "payment_financial_advice_confirmation_example_success.json", "payment_financial_advice_confirmation_example_failure.json"})
    void everyConfirmationExampleOfTheSpecIsAcceptedAndReadBackUnchanged(String name) throws IOException {
        byte[] confirmation = example(name);
        Reply created = call(ptp, "POST", CONFIRMATIONS, confirmation);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        assertThat(created.ocpiStatus()).isEqualTo(1000);

        String id = json(confirmation).get("id").asText();
        assertThat(call(ptp, "GET", CONFIRMATIONS + "/" + id, null).assertStatus(200).data()).isEqualTo(json(confirmation));
    }

    @Test
    void aConfirmationIsAnnouncedWithItsPtpAndId() throws IOException {
        ObjectNode confirmation = (ObjectNode) json(example("payment_financial_advice_confirmation_create.json"));
        confirmation.put("id", "FAC-ANNOUNCED");
        call(ptp, "POST", CONFIRMATIONS, confirmation).assertStatus(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> confirmationEvents.stream()
                .anyMatch(event -> "FAC-ANNOUNCED".equals(event.getHeader("OcpiObjectId"))));
        Message event = confirmationEvents.stream().filter(e -> "FAC-ANNOUNCED".equals(e.getHeader("OcpiObjectId"))).findFirst().orElseThrow();
        assertThat(event.getHeader("OcpiEvent")).isEqualTo("financial-advice-confirmations.received");
        assertThat(event.getHeader("OcpiPartyId")).isEqualTo("PTP");
        assertThat(json(event.getBody(String.class).getBytes())).isEqualTo(confirmation);
    }

    @Test
    void theSpecsConfirmationReachesBillingOnceThoughSentTwice() throws IOException {
        ObjectNode confirmation = (ObjectNode) json(example("payment_financial_advice_confirmation_create.json"));
        confirmation.put("id", "FAC-BILLED");
        call(ptp, "POST", CONFIRMATIONS, confirmation).assertStatus(201);
        call(ptp, "POST", CONFIRMATIONS, confirmation).assertStatus(200);

        JdbcTemplate billing = new JdbcTemplate(adapter.bean(DataSource.class));
        await().atMost(Duration.ofSeconds(20)).until(() -> adapter.bean(Outbox.class).list(OutboxItem.Status.PENDING, null, 10).isEmpty()
                && billing.queryForObject("SELECT COUNT(*) FROM billing_payment_capture WHERE confirmation_id = 'FAC-BILLED'", Integer.class) == 1);
        Map<String, Object> capture = billing.queryForMap("SELECT * FROM billing_payment_capture WHERE confirmation_id = 'FAC-BILLED'");
        assertThat(capture).containsEntry("ptp_country_code", "NL").containsEntry("ptp_party_id", "PTP")
                .containsEntry("authorization_reference", "pp-100100-1948213567").containsEntry("capture_status", "SUCCESS");
        assertThat(adapter.bean(Outbox.class).list(OutboxItem.Status.DEAD, null, 10)).isEmpty();
    }

    @Test
    void anInvalidConfirmationIsRefusedNamingTheField() throws IOException {
        ObjectNode valid = (ObjectNode) json(example("payment_financial_advice_confirmation_create.json"));
        valid.put("id", "FAC-INVALID");
        assertRefused(CONFIRMATIONS, without(valid, "authorization_reference"), "authorization_reference: must not be null");
        assertRefused(CONFIRMATIONS, without(valid, "total_costs"), "total_costs: must not be null");
        assertRefused(CONFIRMATIONS, without(valid, "currency"), "currency: must not be null");
        assertRefused(CONFIRMATIONS, without(valid, "capture_status_code"), "capture_status_code: must not be null");
        assertRefused(CONFIRMATIONS, without(valid, "last_updated"), "last_updated: must not be null");
        assertRefused(CONFIRMATIONS, with(valid, "total_costs", Map.of("incl_vat", 4.40)), "total_costs.excl_vat: must not be null");
        assertRefused(CONFIRMATIONS, with(valid, "capture_status_code", "MAYBE"), "capture_status_code: unknown value 'MAYBE'");
        assertRefused(CONFIRMATIONS, with(valid, "eft_data", List.of("")), "eft_data[0]: size must be between 1 and 255");
        assertRefused(CONFIRMATIONS, with(valid, "capture_status_message", "x".repeat(256)), "capture_status_message: size must be between 1 and 255");
        assertRefused(CONFIRMATIONS, without(valid, "eft_data"), "eft_data: at least one line required when capture_status_code is SUCCESS");
        assertRefused(CONFIRMATIONS, with(valid, "eft_data", List.of()), "eft_data: at least one line required when capture_status_code is SUCCESS");
        assertThat(call(ptp, "GET", CONFIRMATIONS + "/FAC-INVALID", null).status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void anUnknownConfirmationIsNotFound() {
        Reply unknown = call(ptp, "GET", CONFIRMATIONS + "/NO-SUCH-FAC", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
    }

    // --- Our calls to the PTP's Terminals Sender ---------------------------------------------------------------

    static final String ASSIGNED = "55719888-ed09-4cca-82cc-803bdb77bf26";
    static final Map<String, Object> TO_THE_PTP = Map.of("OcpiCountryCode", "NL", "OcpiPartyId", "PTP");

    static Exchange input(String name, Object body, Map<String, Object> headers) {
        return adapter.bean(CamelContext.class).createProducerTemplate().request("direct:ocpi.payments.terminals." + name, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new HashMap<>(headers));
        });
    }

    static Map<String, Object> terminal(String id) {
        Map<String, Object> headers = new HashMap<>(TO_THE_PTP);
        headers.put("OcpiObjectId", id);
        return headers;
    }

    static Received receivedByThePtp(String method, String path) {
        return ptpPlatform.received(path).stream().filter(r -> r.method().equals(method)).reduce((first, last) -> last).orElseThrow();
    }

    static void assertFromOurCpoToThePtp(Received request) {
        assertThat(request.header("Authorization")).isEqualTo("Token " + AdapterInstance.base64("ptp-token-b"));
        assertThat(request.header("OCPI-from-country-code")).isEqualTo("NL");
        assertThat(request.header("OCPI-from-party-id")).isEqualTo("ADC");
        assertThat(request.header("OCPI-to-country-code")).isEqualTo("NL");
        assertThat(request.header("OCPI-to-party-id")).isEqualTo("PTP");
    }

    @Test
    void theSpecsLocationAssignmentIsPatchedToThePtpAsItIs() throws IOException {
        String path = "/2.3.0/payments/terminals/" + ASSIGNED;
        ptpPlatform.on(path, FakePeer.Answer.ocpi("null"));
        byte[] assignment = example("payment_terminal_location_assignment.json");

        Exchange sent = input("assign", assignment, terminal(ASSIGNED));

        assertThat(sent.getException()).isNull();
        Received patch = receivedByThePtp("PATCH", path);
        assertThat(json(patch.body().getBytes())).isEqualTo(json(assignment));
        assertFromOurCpoToThePtp(patch);
    }

    @Test
    void theSpecsTerminalUpdateIsPutToThePtpAsItIsAndItsAnswerReturned() throws IOException {
        String path = "/2.3.0/payments/terminals/" + ASSIGNED;
        ptpPlatform.on(path, FakePeer.Answer.ocpi("{\"terminal_id\":\"" + ASSIGNED + "\",\"customer_reference\":\"OMV\"}"));
        byte[] update = example("payment_terminal_put_update.json");

        Exchange sent = input("update", update, terminal(ASSIGNED));

        assertThat(sent.getException()).isNull();
        Received put = receivedByThePtp("PUT", path);
        assertThat(json(put.body().getBytes())).isEqualTo(json(update));
        assertFromOurCpoToThePtp(put);
        assertThat(json(sent.getMessage().getBody(String.class).getBytes()).get("customer_reference").asText()).isEqualTo("OMV");
    }

    @Test
    void theSpecsActivationIsPostedToThePtpAndATerminalWithoutIdMayBeActivated() throws IOException {
        String path = "/2.3.0/payments/terminals/activate";
        ptpPlatform.on(path, FakePeer.Answer.ocpi("null"));
        byte[] activation = example("payment_terminal_activate.json");

        assertThat(input("activate", activation, TO_THE_PTP).getException()).isNull();
        Received post = receivedByThePtp("POST", path);
        assertThat(json(post.body().getBytes())).isEqualTo(json(activation));
        assertFromOurCpoToThePtp(post);

        Map<String, Object> withoutId = Map.of("reference", "Term-SerialNumber-2", "location_ids", List.of("LOC1"));
        assertThat(input("activate", AdapterInstance.JSON.writeValueAsString(withoutId), TO_THE_PTP).getException()).isNull();
        assertThat(json(receivedByThePtp("POST", path).body().getBytes())).isEqualTo(AdapterInstance.JSON.valueToTree(withoutId));
    }

    @Test
    void aTerminalIsDeactivatedAtThePtp() {
        String path = "/2.3.0/payments/terminals/" + ASSIGNED + "/deactivate";
        ptpPlatform.on(path, FakePeer.Answer.ocpi("null"));

        assertThat(input("deactivate", null, terminal(ASSIGNED)).getException()).isNull();
        Received post = receivedByThePtp("POST", path);
        assertThat(post.body()).isEmpty();
        assertFromOurCpoToThePtp(post);
    }

    @Test
    void aCallThePtpRefusesOrThatCannotGoFailsNamingWhy() {
        int before = ptpPlatform.received().size();
        assertInputFails("assign", Map.of("location_ids", List.of("L".repeat(37))), terminal("T1"), "location_ids[0]: size must be between 0 and 36");
        assertInputFails("assign", Map.of("location_ids", List.of("LOC1")), TO_THE_PTP, "OcpiObjectId: missing");
        assertInputFails("update", Map.of("terminal_id", "T2", "reference", "R"), terminal("T1"), "terminal_id: 'T2' differs from 'T1'");
        assertInputFails("update", Map.of("invoice_creator", "NOBODY"), terminal("T1"), "invoice_creator: unknown value 'NOBODY'");
        assertInputFails("deactivate", null, terminal("T".repeat(37)), "terminal_id: size must be between 0 and 36");
        assertInputFails("activate", Map.of("reference", "R"), Map.of("OcpiCountryCode", "NL"), "OcpiPartyId: missing");
        assertInputFails("activate", Map.of("reference", "R"), Map.of("OcpiCountryCode", "BE", "OcpiPartyId", "NOP"), "no registered peer plays BE*NOP");
        assertInputFails("activate", Map.of("reference", "R"), Map.of("OcpiCountryCode", "NL", "OcpiPartyId", "MSP"), "peer emsp serves no payments Sender");
        assertThat(ptpPlatform.received()).as("nothing went to the PTP").hasSize(before);

        // The PTP does not know the terminal: its answer fails the call.
        Exchange refused = input("deactivate", null, terminal("T-UNKNOWN-AT-PTP"));
        assertThat(refused.getException()).hasMessageContaining("404").hasMessageContaining("2000");
    }

    static void assertInputFails(String name, Object body, Map<String, Object> headers, String message) {
        Object text = body == null ? null : AdapterInstance.JSON.valueToTree(body).toString();
        Exchange sent = input(name, text, headers);
        assertThat(sent.getException()).as(name + " " + body).isNotNull();
        assertThat(sent.getException().getMessage()).as(name + " " + body).contains(message);
    }

    static void assertRefused(String path, Object body, String message) {
        Reply refused = call(ptp, "POST", path, body);
        assertThat(refused.ocpiStatus()).as(refused.body()).isEqualTo(2001);
        assertThat(refused.json().get("status_message").asText()).startsWith(message);
    }

    static ObjectNode without(ObjectNode object, String field) {
        ObjectNode copy = object.deepCopy();
        copy.remove(field);
        return copy;
    }

    static ObjectNode with(ObjectNode object, String field, Object value) {
        ObjectNode copy = object.deepCopy();
        copy.set(field, AdapterInstance.JSON.valueToTree(value));
        return copy;
    }
}
