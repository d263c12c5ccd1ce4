package io.ocpi.adapter.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.protocol.AuthLockout;
import io.ocpi.adapter.protocol.AuthLockoutFilter;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * Who may reach what over HTTP. OCPI paths authenticate peers themselves (credentials tokens, in the protocol
 * core), so Spring Security lets them through; health probes and the Prometheus scrape are open; every other
 * actuator endpoint, the admin API among them, needs the admin credentials. An address that keeps presenting wrong
 * credentials is refused for a while ({@code ocpi.auth.lockout}).
 */
@Configuration(proxyBeanMethods = false)
public class AdminSecurity {

    @Bean
    public SecurityFilterChain adminFilterChain(HttpSecurity http, AuthLockout lockout, ObjectMapper json) throws Exception {
        // In the security chain rather than a filter of its own, so that it guards the management port as well.
        AuthLockoutFilter lockoutFilter = new AuthLockoutFilter(lockout, EndpointRequest.to("health", "prometheus"), json);
        return http
                .addFilterBefore(lockoutFilter, DisableEncodeUrlFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                        .anyRequest().permitAll())
                .httpBasic(basic -> { })
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    public UserDetailsService adminUser(AdminProperties admin) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        if (AdminProperties.TRIAL_PASSWORD.equals(admin.password())) {
            LoggerFactory.getLogger(AdminSecurity.class)
                    .warn("the admin API uses the trial password: set OCPI_ADMIN_PASSWORD before anyone else can reach this adapter");
        }
        // A value already in the encoder's {id} form (e.g. {bcrypt}$2a$...) is a hash and is kept as given, so that the
        // plain password need not be in the configuration at all; any other value is the plain password.
        String stored = admin.isHashed() ? admin.password() : encoder.encode(admin.password());
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password(stored)
                .roles("ADMIN")
                .build());
    }
}
