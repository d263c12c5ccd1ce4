package io.ocpi.adapter.modules.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.support.AdapterInstance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * No credentials token is ever written to the log, even with everything at DEBUG: two adapters run the whole
 * credentials handshake, call each other, rotate and unregister, are called with good and bad tokens, and every line
 * they log (the console, as in production) is searched for each token, plain and Base64-encoded, and for the admin
 * password.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenSecrecyTest {

    static final Map<String, Object> DEBUG = Map.of("logging.level.root", "DEBUG", "logging.level.io.ocpi", "DEBUG",
            "logging.level.org.apache.camel", "DEBUG", "logging.level.org.springframework.web", "DEBUG",
            "logging.level.org.springframework.security", "DEBUG", "logging.level.ocpi.access", "DEBUG");

    @Test
    void noTokenReachesTheLog(CapturedOutput output) {
        List<String> secrets = new ArrayList<>();
        try (AdapterInstance north = AdapterInstance.start("secret-north", "NL", "SN", DEBUG);
             AdapterInstance south = AdapterInstance.start("secret-south", "DE", "SS", DEBUG)) {
            String tokenA = north.invite("south");
            secrets.add(tokenA);
            north.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(200);
            long northId = south.admin("POST", "/peers", Map.of("url", north.versionsUrl(), "token", tokenA, "name", "north"))
                    .assertStatus(200).json().get("id").asLong();
            long southId = north.admin("GET", "/peers", null).assertStatus(200).json().get(0).get("id").asLong();
            String tokenB = outgoing(north, southId);
            String tokenC = outgoing(south, northId);
            secrets.addAll(List.of(tokenB, tokenC));

            // Authorized calls both ways, a refused one with a used token A, and a module call out of reach.
            north.ocpi("GET", "/ocpi/2.2.1/credentials", tokenC, null).assertStatus(200);
            south.ocpi("GET", "/ocpi/cpo/2.2.1/locations", tokenB, null).assertStatus(200);
            north.ocpi("GET", "/ocpi/versions", tokenA, null).assertStatus(401);
            north.ocpi("PUT", "/ocpi/emsp/2.2.1/tariffs/DE/XXX/T1", tokenC, Map.of("id", "T1")).assertStatus(403);
            north.admin("POST", "/peers/" + southId + "/pull-locations", Map.of()).assertStatus(200);

            south.admin("POST", "/peers/" + northId + "/rotate-token", null).assertStatus(200);
            String newTokenB = outgoing(north, southId);
            String newTokenC = outgoing(south, northId);
            secrets.addAll(List.of(newTokenB, newTokenC));
            north.ocpi("GET", "/ocpi/versions", tokenC, null).assertStatus(401);
            north.ocpi("GET", "/ocpi/versions", newTokenC, null).assertStatus(200);
            // A peer that sends its token without Base64.
            AdapterInstance.send("GET", north.versionsUrl(), Map.of("Authorization", "Token " + newTokenC), null).assertStatus(200);

            south.admin("DELETE", "/peers/" + northId, null).assertStatus(200);
            north.ocpi("GET", "/ocpi/versions", newTokenC, null).assertStatus(401);
        }

        String log = output.getAll();
        assertThat(log).as("the log was captured at DEBUG").contains("DEBUG").contains("ocpi.access").contains("OCPI out");
        assertThat(secrets).hasSize(5).doesNotContainNull();
        // The admin password travels in every admin call: it stays out of the log as well.
        secrets.addAll(List.of(AdapterInstance.ADMIN_PASSWORD, AdapterInstance.ADMIN_HEADERS.get("Authorization").substring("Basic ".length())));
        Map<String, String> leaked = new HashMap<>();
        for (String token : secrets) {
            for (String form : List.of(token, base64(token))) {
                // Any 16 characters of it, since frameworks cut long values short (and a cut token is half a token).
                for (int from = 0; from + 16 <= form.length(); from += 8) {
                    String part = form.substring(from, from + 16);
                    int at = log.indexOf(part);
                    if (at >= 0) {
                        leaked.put(part, log.substring(log.lastIndexOf('\n', at) + 1, Math.min(log.length(), at + part.length() + 100)));
                    }
                }
            }
        }
        assertThat(leaked).as("tokens in the log").isEmpty();
    }

    private static String outgoing(AdapterInstance adapter, long peerId) {
        return adapter.bean(PeerRepository.class).find(peerId).orElseThrow().outgoingToken();
    }

    private static String base64(String token) {
        return Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }
}
