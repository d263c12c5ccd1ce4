package io.ocpi.adapter.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API with its password configured as a bcrypt hash, never in plain. */
class AdminSecurityTest {

    /** Made as the operator's guide says: the password on standard input of {@code --hash-password}. */
    static final String HASH = hash(AdapterInstance.ADMIN_PASSWORD);

    static AdapterInstance adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterInstance.start("admin-hash", "NL", "AH", Map.of("ocpi.admin.password", HASH));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void aHashedPasswordAdmitsThePasswordAndNothingElse() {
        adapter.admin("GET", "/peers", null).assertStatus(200);
        assertThat(adapter.admin("POST", "/invitations", Map.of("name", "hashed")).assertStatus(200).json().get("token").asText()).isNotBlank();
        for (String wrong : new String[] {"wrong", AdapterInstance.ADMIN_PASSWORD.toUpperCase(), HASH, HASH.substring("{bcrypt}".length()), ""}) {
            Reply refused = AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/peers", basic("admin", wrong), null);
            assertThat(refused.status()).as("password '%s'", wrong).isEqualTo(401);
        }
        assertThat(AdapterInstance.send("GET", adapter.baseUrl() + "/actuator/peers", basic("root", AdapterInstance.ADMIN_PASSWORD), null)
                .status()).isEqualTo(401);
    }

    @Test
    void aBrokenHashStopsTheStartInsteadOfLockingEveryoneOut() {
        // As a shell would leave it when the hash is given in double quotes: each $2a, $10 and the rest read as variables.
        assertThatThrownBy(() -> AdapterInstance.start("admin-broken-hash", "NL", "AB", Map.of("ocpi.admin.password", "{bcrypt}")).close())
                .hasStackTraceContaining("no bcrypt hash");
    }

    static String hash(String password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = PasswordHash.run(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true),
                System.err);
        assertThat(exit).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain(password);
        return hash;
    }

    static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
