package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.protocol.client.PeerLists;
import io.ocpi.adapter.protocol.client.PeerCredential;
import io.ocpi.adapter.registry.TokenEncoding;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.FakePeer;
import io.ocpi.adapter.support.FakePeer.Answer;
import io.ocpi.adapter.support.ProbeModule;
import io.ocpi.adapter.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol core, driven over real HTTP against one adapter: authentication, ids, envelope, validation errors,
 * body limits, pagination on both sides, and the error paths of a registration started by a peer.
 */
class ProtocolTest {

    static AdapterInstance adapter;
    static FakePeer peer;
    static String registeredToken;

    @BeforeAll
    static void start() {
        System.out.println("ProtocolTest runs on " + TestDatabase.kind());
        adapter = AdapterInstance.start("protocol", "NL", "PR",
                Map.of("ocpi.max-body-size", "4KB", "ocpi.pagination.max-limit", 100, "ocpi.pagination.default-limit", 50),
                ProbeModule.class);
        peer = new FakePeer().offering221("credentials", "locations");
        registeredToken = registerFakePeer();
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    /** The fake peer registers with a token A, the way a peer platform starts the handshake. */
    static String registerFakePeer() {
        String tokenA = adapter.invite("fake");
        Reply reply = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, credentials("token-b-of-fake", peer.url("/versions")));
        reply.assertStatus(200);
        assertThat(reply.ocpiStatus()).isEqualTo(1000);
        return reply.data().get("token").asText();
    }

    static Map<String, Object> credentials(String token, String versionsUrl) {
        return Map.of("token", token, "url", versionsUrl, "roles", List.of(Map.of(
                "role", "EMSP", "party_id", "FAK", "country_code", "NL", "business_details", Map.of("name", "Fake eMSP"))));
    }

    @Test
    void registrationCallsThePeerBackWithItsTokenAndOurCorrelationId() {
        FakePeer.Received versions = peer.received("/versions").get(0);
        assertThat(versions.header("Authorization")).isEqualTo("Token " + AdapterInstance.base64("token-b-of-fake"));
        assertThat(versions.header("X-Request-ID")).isNotBlank();
        assertThat(versions.header("X-Correlation-ID")).isNotBlank();
        assertThat(peer.received("/2.2.1")).isNotEmpty();

        String tokenA = adapter.invite("correlated");
        Reply reply = AdapterInstance.send("POST", adapter.baseUrl() + "/ocpi/2.2.1/credentials",
                Map.of("Authorization", "Token " + AdapterInstance.base64(tokenA), "X-Correlation-ID", "corr-42", "X-Request-ID", "req-42"),
                credentials("token-b-two", peer.url("/versions")));
        reply.assertStatus(200);
        assertThat(reply.header("X-Correlation-ID")).isEqualTo("corr-42");
        assertThat(reply.header("X-Request-ID")).isEqualTo("req-42");
        List<FakePeer.Received> calls = peer.received("/versions");
        FakePeer.Received last = calls.get(calls.size() - 1);
        assertThat(last.header("X-Correlation-ID")).isEqualTo("corr-42");
        assertThat(last.header("X-Request-ID")).isNotEqualTo("req-42");
    }

    @Test
    void missingOrUnknownTokensAreRefusedWith401AndAnEnvelope() {
        Reply missing = adapter.ocpi("GET", "/ocpi/versions", null, null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.ocpiStatus()).isEqualTo(2000);
        assertThat(missing.json().get("status_message").asText()).contains("Authorization");
        assertThat(missing.json().has("timestamp")).isTrue();
        assertThat(missing.json().has("data")).isFalse();
        assertThat(missing.header("X-Request-ID")).isNotBlank();

        assertThat(adapter.ocpi("GET", "/ocpi/versions", "no-such-token", null).status()).isEqualTo(401);
        assertThat(AdapterInstance.send("GET", adapter.baseUrl() + "/ocpi/versions", Map.of("Authorization", "Bearer x"), null).status())
                .isEqualTo(401);
    }

    @Test
    void tokenAReachesVersionsAndCredentialsButNoModule() {
        String tokenA = adapter.invite("not-yet");
        adapter.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(200);
        adapter.ocpi("GET", "/ocpi/2.2.1", tokenA, null).assertStatus(200);
        adapter.ocpi("GET", "/ocpi/2.2.1/credentials", tokenA, null).assertStatus(200);
        Reply module = adapter.ocpi("GET", ProbeModule.PATH, tokenA, null);
        assertThat(module.status()).isEqualTo(401);
        assertThat(module.ocpiStatus()).isEqualTo(2000);
        adapter.ocpi("GET", ProbeModule.PATH, registeredToken, null).assertStatus(200);

        // Not registered yet: update and unregister are misuse of the credentials module.
        assertThat(adapter.ocpi("PUT", "/ocpi/2.2.1/credentials", tokenA, credentials("x", peer.url("/versions"))).status()).isEqualTo(405);
        assertThat(adapter.ocpi("DELETE", "/ocpi/2.2.1/credentials", tokenA, null).status()).isEqualTo(405);
    }

    @Test
    void plainTokensAndTheSpecsTrailingNewlineAreAccepted() {
        Map<String, String> plain = Map.of("Authorization", "Token " + registeredToken);
        AdapterInstance.send("GET", adapter.baseUrl() + "/ocpi/versions", plain, null).assertStatus(200);
        String withNewline = AdapterInstance.base64(registeredToken + "\n");
        AdapterInstance.send("GET", adapter.baseUrl() + "/ocpi/versions", Map.of("Authorization", "Token " + withNewline), null)
                .assertStatus(200);
        AdapterInstance.send("GET", adapter.baseUrl() + "/ocpi/versions",
                Map.of("Authorization", "token " + AdapterInstance.base64(registeredToken)), null).assertStatus(200);
    }

    @Test
    void unknownPathsAndMethodsGetTheEnvelopeToo() {
        Reply unknown = AdapterInstance.send("GET", adapter.baseUrl() + "/ocpi/2.2.1/nothing", Map.of("X-Request-ID", "r-1"), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.ocpiStatus()).isEqualTo(2000);
        assertThat(unknown.json().get("status_message").asText()).isEqualTo("no endpoint at /ocpi/2.2.1/nothing");
        assertThat(unknown.header("X-Request-ID")).isEqualTo("r-1");

        Reply patch = adapter.ocpi("PATCH", "/ocpi/2.2.1/credentials", registeredToken, "{}");
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.ocpiStatus()).isEqualTo(2000);
    }

    @Test
    void versionDetailsListOurModulesWithAbsoluteUrls() {
        JsonNode details = adapter.ocpi("GET", "/ocpi/2.2.1", registeredToken, null).assertStatus(200).data();
        assertThat(details.get("version").asText()).isEqualTo("2.2.1");
        assertThat(details.get("endpoints").toString())
                .contains("{\"identifier\":\"credentials\",\"role\":\"SENDER\",\"url\":\"" + adapter.baseUrl() + "/ocpi/2.2.1/credentials\"}");
        JsonNode versions = adapter.ocpi("GET", "/ocpi/versions", registeredToken, null).data();
        assertThat(versions.get(0).get("url").asText()).isEqualTo(adapter.baseUrl() + "/ocpi/2.2.1");
        assertThat(adapter.ocpi("GET", "/ocpi/versions", registeredToken, null).json().get("timestamp").asText()).endsWith("Z");
    }

    @Test
    void badBodiesGet2001NamingTheField() {
        String tokenA = adapter.invite("bad-bodies");
        Reply malformed = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, "{\"token\": \"abc\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.ocpiStatus()).isEqualTo(2001);
        assertThat(malformed.json().get("status_message").asText()).contains("malformed JSON");

        Reply missingName = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, Map.of("token", "abc", "url", peer.url("/versions"),
                "roles", List.of(Map.of("role", "EMSP", "party_id", "FAK", "country_code", "NL", "business_details", Map.of()))));
        assertThat(missingName.status()).isEqualTo(200);
        assertThat(missingName.ocpiStatus()).isEqualTo(2001);
        assertThat(missingName.json().get("status_message").asText()).isEqualTo("roles[0].business_details.name: must not be null");

        Reply badEnum = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, Map.of("token", "abc", "url", peer.url("/versions"),
                "roles", List.of(Map.of("role", "DRIVER", "party_id", "FAK", "country_code", "NL", "business_details", Map.of("name", "x")))));
        assertThat(badEnum.ocpiStatus()).isEqualTo(2001);
        assertThat(badEnum.json().get("status_message").asText()).startsWith("roles[0].role: unknown value 'DRIVER'");

        Reply tooLong = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, credentials("x".repeat(65), peer.url("/versions")));
        assertThat(tooLong.ocpiStatus()).isEqualTo(2001);
        assertThat(tooLong.json().get("status_message").asText()).startsWith("token: size must be between 1 and 64");

        Reply duplicateKey = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, "{\"token\":\"a\",\"token\":\"b\"}");
        assertThat(duplicateKey.status()).isEqualTo(400);
        assertThat(duplicateKey.ocpiStatus()).isEqualTo(2001);
        assertThat(duplicateKey.json().get("status_message").asText()).contains("Duplicate field 'token'");

        Reply empty = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.ocpiStatus()).isEqualTo(2001);

        // Nothing of this was stored: the invitation is still unused.
        adapter.ocpi("GET", "/ocpi/2.2.1", tokenA, null).assertStatus(200);
    }

    @Test
    void oversizedBodiesAreRefusedWith413() throws Exception {
        String tokenA = adapter.invite("large");
        String large = "{\"token\":\"" + "x".repeat(5000) + "\"}";
        Reply withLength = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", tokenA, large);
        assertThat(withLength.status()).isEqualTo(413);
        assertThat(withLength.ocpiStatus()).isEqualTo(2000);

        // Sent in chunks, without a Content-Length.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(adapter.baseUrl() + "/ocpi/2.2.1/credentials"))
                .header("Authorization", "Token " + AdapterInstance.base64(tokenA))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
    }

    @Test
    void registrationErrorsCarryTheCredentialsStatusCodes() {
        Reply unreachable = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite("down"),
                credentials("b", "http://localhost:9/versions"));
        assertThat(unreachable.status()).isEqualTo(200);
        assertThat(unreachable.ocpiStatus()).isEqualTo(3001);

        try (FakePeer old = new FakePeer()) {
            old.on("/versions", Answer.ocpi("[{\"version\":\"2.1.1\",\"url\":\"" + old.url("/2.1.1") + "\"}]"));
            Reply noMutual = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite("old"), credentials("b", old.url("/versions")));
            assertThat(noMutual.ocpiStatus()).isEqualTo(3002);
            assertThat(noMutual.json().get("status_message").asText()).contains("speaks 2.2.1");
        }
        try (FakePeer partial = new FakePeer().offering221("locations")) {
            Reply missing = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite("partial"), credentials("b", partial.url("/versions")));
            assertThat(missing.ocpiStatus()).isEqualTo(3003);
            assertThat(missing.json().get("status_message").asText()).contains("credentials");
        }
        try (FakePeer refusing = new FakePeer()) {
            refusing.on("/versions", new Answer(401, "{\"status_code\":2000,\"timestamp\":\"2024-01-01T00:00:00Z\"}", Map.of()));
            Reply refused = adapter.ocpi("POST", "/ocpi/2.2.1/credentials", adapter.invite("refusing"), credentials("b", refusing.url("/versions")));
            assertThat(refused.ocpiStatus()).isEqualTo(3001);
            assertThat(refused.json().get("status_message").asText()).startsWith("unable to use the versions URL given");
        }
    }

    @Test
    void paginationServesEveryObjectExactlyOnceWithHeaders() {
        Reply first = adapter.ocpi("GET", ProbeModule.PATH + "?limit=500", registeredToken, null).assertStatus(200);
        assertThat(first.data()).hasSize(100);
        assertThat(first.header("X-Total-Count")).isEqualTo("2500");
        assertThat(first.header("X-Limit")).isEqualTo("100");
        assertThat(first.header("Link")).isEqualTo("<" + adapter.baseUrl() + ProbeModule.PATH + "?offset=100&limit=100>; rel=\"next\"");

        Reply filtered = adapter.ocpi("GET", ProbeModule.PATH + "?date_from=2024-01-01T10:00:00Z&date_to=2024-01-02T00:00:00Z&limit=10",
                registeredToken, null).assertStatus(200);
        assertThat(filtered.header("X-Total-Count")).isEqualTo(String.valueOf(14 * 60));
        assertThat(filtered.data().get(0).get("id").asInt()).isEqualTo(600);
        assertThat(filtered.header("Link")).contains("offset=10&limit=10&date_from=2024-01-01T10%3A00%3A00Z&date_to=2024-01-02T00%3A00%3A00Z");

        Reply last = adapter.ocpi("GET", ProbeModule.PATH + "?offset=2450", registeredToken, null).assertStatus(200);
        assertThat(last.data()).hasSize(50);
        assertThat(last.header("Link")).isNull();

        Reply badOffset = adapter.ocpi("GET", ProbeModule.PATH + "?offset=-1", registeredToken, null);
        assertThat(badOffset.status()).isEqualTo(200);
        assertThat(badOffset.ocpiStatus()).isEqualTo(2001);
        assertThat(badOffset.json().get("status_message").asText()).isEqualTo("offset: must not be negative");
        Reply badDate = adapter.ocpi("GET", ProbeModule.PATH + "?date_from=yesterday", registeredToken, null);
        assertThat(badDate.ocpiStatus()).isEqualTo(2001);
        assertThat(badDate.json().get("status_message").asText()).startsWith("date_from:");
    }

    @Test
    void theClientFollowsLinksToPullACompleteList() {
        PeerLists client = adapter.bean(PeerLists.class);
        PeerCredential credential = new PeerCredential(registeredToken, TokenEncoding.BASE64);
        List<ProbeModule.Item> all = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        long count = client.pullAll(adapter.baseUrl() + ProbeModule.PATH, credential, ProbeModule.Item.class, Map.of(), page -> {
            pageSizes.add(page.size());
            all.addAll(page);
        });
        assertThat(count).isEqualTo(ProbeModule.SIZE);
        assertThat(pageSizes).hasSize(50);
        Set<Integer> ids = new HashSet<>();
        all.forEach(item -> assertThat(ids.add(item.id())).as("object %s seen once", item.id()).isTrue());
        assertThat(ids).hasSize(ProbeModule.SIZE);

        List<ProbeModule.Item> window = new ArrayList<>();
        client.pullAll(adapter.baseUrl() + ProbeModule.PATH + "?date_from=2024-01-02T00:00:00Z&date_to=2024-01-02T12:00:00Z&limit=7",
                credential, ProbeModule.Item.class, Map.of(), window::addAll);
        assertThat(window).extracting(ProbeModule.Item::id).containsExactlyElementsOf(
                java.util.stream.IntStream.range(24 * 60, 36 * 60).boxed().toList());
    }
}
