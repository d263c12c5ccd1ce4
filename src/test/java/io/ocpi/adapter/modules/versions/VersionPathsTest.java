package io.ocpi.adapter.modules.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The URL layout per OCPI version, over real HTTP: every enabled version has its version details and the paths of
 * the modules it has; a version not enabled, or a module the version lacks, has no endpoint.
 */
class VersionPathsTest {

    static AdapterInstance all;
    static AdapterInstance limited;
    static String tokenA;
    static String limitedTokenA;

    @BeforeAll
    static void start() {
        all = AdapterInstance.start("versions-all", "NL", "VA");
        limited = AdapterInstance.start("versions-limited", "NL", "VL", Map.of("ocpi.versions.enabled", "2.2.1,2.3.0"));
        tokenA = all.invite("someone");
        limitedTokenA = limited.invite("someone");
    }

    @AfterAll
    static void stop() {
        if (all != null) {
            all.close();
        }
        if (limited != null) {
            limited.close();
        }
    }

    @Test
    void theVersionsListNamesEveryEnabledVersionWithItsDetailsUrl() {
        JsonNode versions = all.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(200).data();
        assertThat(texts(versions, "version")).containsExactly("2.2.1", "2.1.1", "2.3.0");
        for (JsonNode version : versions) {
            assertThat(version.get("url").asText()).isEqualTo(all.baseUrl() + "/ocpi/" + version.get("version").asText());
        }
        assertThat(texts(limited.ocpi("GET", "/ocpi/versions", limitedTokenA, null).data(), "version")).containsExactly("2.2.1", "2.3.0");
    }

    @Test
    void eachVersionsDetailsListTheModulesOfThatVersionAtItsPaths() {
        JsonNode v230 = all.ocpi("GET", "/ocpi/2.3.0", tokenA, null).assertStatus(200).data();
        assertThat(v230.get("version").asText()).isEqualTo("2.3.0");
        assertThat(texts(v230.get("endpoints"), "identifier")).contains("credentials", "locations", "hubclientinfo", "chargingprofiles");
        for (JsonNode endpoint : v230.get("endpoints")) {
            assertThat(endpoint.get("url").asText()).contains("/2.3.0/").doesNotContain("2.2.1");
        }
        assertThat(v230.get("endpoints").toString()).contains(all.baseUrl() + "/ocpi/2.3.0/credentials")
                .contains(all.baseUrl() + "/ocpi/cpo/2.3.0/locations").contains(all.baseUrl() + "/ocpi/emsp/2.3.0/locations");

        JsonNode v211 = all.ocpi("GET", "/ocpi/2.1.1", tokenA, null).assertStatus(200).data();
        assertThat(v211.get("version").asText()).isEqualTo("2.1.1");
        // A 2.1.1 party plays one role: a peer invited without naming ours sees credentials alone.
        assertThat(texts(v211.get("endpoints"), "identifier")).containsExactly("credentials");
    }

    @Test
    void the211DetailsListTheInterfacesOfTheOneRoleWePlayTowardsTheCaller() {
        Reply invited = all.admin("POST", "/invitations", Map.of("name", "an eMSP", "role", "CPO")).assertStatus(200);
        JsonNode v211 = all.ocpi("GET", "/ocpi/2.1.1", invited.json().get("token").asText(), null).assertStatus(200).data();
        assertThat(texts(v211.get("endpoints"), "identifier"))
                .containsExactly("cdrs", "commands", "credentials", "locations", "sessions", "tariffs", "tokens");
        for (JsonNode endpoint : v211.get("endpoints")) {
            assertThat(endpoint.has("role")).isFalse();
            assertThat(endpoint.get("url").asText()).matches(".*/ocpi/(cpo/)?2\\.1\\.1/[a-z]+");
            assertThat(endpoint.get("url").asText()).doesNotContain("/emsp/");
        }

        Reply asEmsp = all.admin("POST", "/invitations", Map.of("name", "a CPO", "role", "EMSP")).assertStatus(200);
        JsonNode emsp = all.ocpi("GET", "/ocpi/2.1.1", asEmsp.json().get("token").asText(), null).data();
        assertThat(emsp.get("endpoints").toString()).contains(all.baseUrl() + "/ocpi/emsp/2.1.1/locations").doesNotContain("/cpo/");

        assertThat(all.admin("POST", "/invitations", Map.of("name", "x", "role", "NAP")).status()).isEqualTo(400);
        assertThat(all.admin("POST", "/invitations", Map.of("name", "x", "version", "2.0")).status()).isEqualTo(400);
    }

    @Test
    void theInterfacesOfEachVersionAreServedAtItsPaths() {
        // Token A opens versions and credentials only: a path that exists answers 401, one that does not 404.
        for (String version : List.of("2.1.1", "2.2.1", "2.3.0")) {
            all.ocpi("GET", "/ocpi/" + version + "/credentials", tokenA, null).assertStatus(200);
            assertThat(all.ocpi("GET", "/ocpi/cpo/" + version + "/locations", tokenA, null).status()).isEqualTo(401);
            assertThat(all.ocpi("GET", "/ocpi/emsp/" + version + "/tokens", tokenA, null).status()).isEqualTo(401);
        }
        assertThat(all.ocpi("GET", "/ocpi/2.3.0/hubclientinfo", tokenA, null).status()).isEqualTo(401);
        assertThat(all.ocpi("PUT", "/ocpi/cpo/2.3.0/chargingprofiles/s1", tokenA, "{}").status()).isEqualTo(401);
    }

    @Test
    void aModuleTheVersionLacksOrAVersionNotEnabledHasNoEndpoint() {
        assertUnknown(all, tokenA, "GET", "/ocpi/2.1.1/hubclientinfo");
        assertUnknown(all, tokenA, "PUT", "/ocpi/cpo/2.1.1/chargingprofiles/s1");
        assertUnknown(all, tokenA, "GET", "/ocpi/cpo/9.9.9/locations");
        assertUnknown(all, tokenA, "GET", "/ocpi/2.2");
        assertUnknown(limited, limitedTokenA, "GET", "/ocpi/2.1.1");
        assertUnknown(limited, limitedTokenA, "GET", "/ocpi/2.1.1/credentials");
        assertUnknown(limited, limitedTokenA, "GET", "/ocpi/cpo/2.1.1/locations");
        limited.ocpi("GET", "/ocpi/2.3.0/credentials", limitedTokenA, null).assertStatus(200);
    }

    @Test
    void anyMethodAtAModuleTheVersionLacksHasNoEndpointRatherThanAMethodNotAllowed() {
        // Methods none of the module's interfaces has: the module does not exist at these paths.
        assertUnknown(all, tokenA, "DELETE", "/ocpi/2.1.1/hubclientinfo");
        assertUnknown(all, tokenA, "PATCH", "/ocpi/2.1.1/hubclientinfo/FR/XYZ");
        assertUnknown(all, tokenA, "POST", "/ocpi/cpo/2.1.1/chargingprofiles/s1");
        assertUnknown(all, tokenA, "PATCH", "/ocpi/emsp/2.1.1/chargingprofiles/s1");
        assertUnknown(all, tokenA, "PUT", "/ocpi/cpo/2.2.1/payments/terminals");
        assertUnknown(all, tokenA, "DELETE", "/ocpi/cpo/2.2.1/payments/financial-advice-confirmations/F1");
        assertUnknown(all, tokenA, "PATCH", "/ocpi/cpo/2.1.1/payments/terminals/T1");
        assertUnknown(all, tokenA, "PATCH", "/ocpi/cpo/9.9.9/locations");
        assertUnknown(limited, limitedTokenA, "PATCH", "/ocpi/2.1.1/credentials");
        // Where the version has the module, a method its interfaces lack stays not allowed.
        for (String[] request : new String[][] {{"DELETE", "/ocpi/2.3.0/hubclientinfo"}, {"PATCH", "/ocpi/cpo/2.3.0/chargingprofiles/s1"},
                {"PUT", "/ocpi/cpo/2.3.0/payments/terminals"}, {"PATCH", "/ocpi/2.2.1/credentials"}, {"PATCH", "/ocpi/2.1.1/credentials"}}) {
            Reply reply = all.ocpi(request[0], request[1], tokenA, "{}");
            assertThat(reply.status()).as(request[0] + " " + request[1]).isEqualTo(405);
            assertThat(reply.json().get("status_message").asText()).isEqualTo("method " + request[0] + " not allowed at " + request[1]);
        }
    }

    private static void assertUnknown(AdapterInstance adapter, String token, String method, String path) {
        Reply reply = adapter.ocpi(method, path, token, method.equals("GET") ? null : "{}");
        assertThat(reply.status()).as(method + " " + path).isEqualTo(404);
        assertThat(reply.ocpiStatus()).isEqualTo(2000);
        assertThat(reply.json().get("status_message").asText()).isEqualTo("no endpoint at " + path);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }
}
