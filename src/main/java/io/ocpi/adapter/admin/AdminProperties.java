package io.ocpi.adapter.admin;

import jakarta.validation.constraints.NotBlank;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Credentials of the admin API (the actuator endpoints except health), by HTTP Basic.
 *
 * @param username admin user name
 * @param password admin password; set {@code OCPI_ADMIN_PASSWORD}. The default is only for a local trial and is
 *                 warned about at start. Either the password itself or its hash in Spring Security's
 *                 {@code {id}hash} form, e.g. {@code {bcrypt}$2a$10$...} (see docs/operations.md).
 */
@Validated
@ConfigurationProperties("ocpi.admin")
public record AdminProperties(
        @DefaultValue("admin") @NotBlank String username,
        @DefaultValue(AdminProperties.TRIAL_PASSWORD) @NotBlank String password) {

    public static final String TRIAL_PASSWORD = "change-me";

    private static final Pattern HASHED = Pattern.compile("\\{(bcrypt|pbkdf2)(@[^}]*)?}.*");
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

    /**
     * True when {@link #password} is a hash in Spring Security's {@code {id}hash} form rather than the password. A
     * {@code {bcrypt}} value that is no bcrypt hash (cut short, or its {@code $} eaten by a shell) is refused here: it
     * would otherwise lock every admin out without a word.
     */
    public boolean isHashed() {
        if (!HASHED.matcher(password).matches()) {
            return false;
        }
        if (password.startsWith("{bcrypt}") && !BCRYPT.matcher(password).matches()) {
            throw new IllegalStateException("ocpi.admin.password starts with {bcrypt} but the rest is no bcrypt hash ($2a$<cost>$ and 53 characters)");
        }
        return true;
    }
}
