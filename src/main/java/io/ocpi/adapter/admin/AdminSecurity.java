package io.ocpi.adapter.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.protocol.AuthLockout;
import io.ocpi.adapter.protocol.AuthLockoutFilter;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.ResponseHeaders;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * Who may reach what over HTTP. OCPI paths authenticate peers themselves (credentials tokens, in the protocol
 * core), so Spring Security's chain leaves them out (its firewall still refuses malformed paths): they get the lockout
 * and their security headers from two filters of their own, the same as the chain gives the other paths; health
 * probes and the Prometheus scrape are open; every other actuator endpoint, the admin API among them, needs the admin
 * credentials. An address that keeps presenting wrong credentials is refused for a while ({@code ocpi.auth.lockout}).
 */
@Configuration(proxyBeanMethods = false)
public class AdminSecurity {

    @Bean
    public SecurityFilterChain adminFilterChain(HttpSecurity http, AuthLockout lockout, ObjectMapper json, ResponseHeaders responseHeaders)
            throws Exception {
        // In the security chain rather than a filter of its own, so that it guards the management port as well.
        AuthLockoutFilter lockoutFilter = new AuthLockoutFilter(lockout, EndpointRequest.to("health", "prometheus"), json,
                responseHeaders);
        return http
                .securityMatcher(request -> !OcpiUrls.isOcpiPath(request))
                .addFilterBefore(lockoutFilter, DisableEncodeUrlFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                        .anyRequest().permitAll())
                .headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    // Before the request goes on, not when the response is committed: whatever writes the answer
                    // (an OCPI route, an error page) finds them in place, and nothing adds headers to a response
                    // that someone else is writing (a response once went out with an empty header line so).
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .httpBasic(basic -> basic.authenticationEntryPoint(lockoutFilter.countingRefusals()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** First on OCPI paths, as in the chain on the others: a blocked address is refused before anything else. */
    @Bean
    public FilterRegistrationBean<AuthLockoutFilter> ocpiLockout(AuthLockout lockout, ObjectMapper json, ResponseHeaders responseHeaders) {
        FilterRegistrationBean<AuthLockoutFilter> registration = new FilterRegistrationBean<>(
                new AuthLockoutFilter(lockout, request -> false, json, responseHeaders));
        registration.addUrlPatterns(OcpiUrls.BASE_PATH + "/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<OcpiSecurityHeaders> ocpiSecurityHeaders() {
        FilterRegistrationBean<OcpiSecurityHeaders> registration = new FilterRegistrationBean<>(new OcpiSecurityHeaders());
        registration.addUrlPatterns(OcpiUrls.BASE_PATH + "/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    public UserDetailsService adminUser(AdminProperties admin) {
        if (AdminProperties.TRIAL_PASSWORD.equals(admin.password())) {
            LoggerFactory.getLogger(AdminSecurity.class)
                    .warn("the admin API uses the trial password: set OCPI_ADMIN_PASSWORD before anyone else can reach this adapter");
        }
        return new AdminUser(admin);
    }

    /**
     * The one admin user. A value already in the encoder's {id} form (e.g. {bcrypt}$2a$...) is a hash and is kept as
     * given, so that the plain password need not be in the configuration at all; any other value is the plain
     * password, hashed when the admin API is first called rather than at start: BCrypt on a JVM that has just started
     * held up the start by 0.1 to 0.3 s.
     */
    static final class AdminUser implements UserDetailsService {

        private final AdminProperties admin;
        private volatile UserDetails user;

        AdminUser(AdminProperties admin) {
            this.admin = admin;
            // Checked now, so that a broken hash stops the start.
            if (admin.isHashed()) {
                user = User.withUsername(admin.username()).password(admin.password()).roles("ADMIN").build();
            }
        }

        @Override
        public UserDetails loadUserByUsername(String username) {
            if (!admin.username().equals(username)) {
                throw new UsernameNotFoundException("no such user");
            }
            UserDetails known = user;
            if (known == null) {
                synchronized (this) {
                    known = user;
                    if (known == null) {
                        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
                        known = User.withUsername(admin.username()).password(encoder.encode(admin.password())).roles("ADMIN").build();
                        user = known;
                    }
                }
            }
            // A copy: Spring Security erases the password of the user it authenticated.
            return User.withUserDetails(known).build();
        }
    }
}
