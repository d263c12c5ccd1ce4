package io.ocpi.adapter.admin;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Credentials of the admin API (the actuator endpoints except health), by HTTP Basic.
 *
 * @param username admin user name
 * @param password admin password; set {@code OCPI_ADMIN_PASSWORD}. The default is only for a local trial and is
 *                 warned about at start.
 */
@Validated
@ConfigurationProperties("ocpi.admin")
public record AdminProperties(
        @DefaultValue("admin") @NotBlank String username,
        @DefaultValue(AdminProperties.TRIAL_PASSWORD) @NotBlank String password) {

    public static final String TRIAL_PASSWORD = "change-me";
}
