package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of every request: an address blocked by {@link AuthLockout} is answered HTTP 429, with Retry-After and
 * the OCPI envelope, before its credentials are even looked at (so that a guesser costs us no token lookup nor bcrypt
 * check). Failures are counted where credentials are refused: wrong OCPI tokens where they are read
 * ({@link OcpiProtocol#enter}), wrong admin credentials where Spring Security answers them ({@link #countingRefusals}).
 */
public class AuthLockoutFilter extends OncePerRequestFilter {

    private final AuthLockout lockout;
    private final RequestMatcher open;
    private final ObjectMapper json;
    private final ResponseHeaders responseHeaders;

    /** @param open requests never refused (health probes, the metrics scrape) */
    public AuthLockoutFilter(AuthLockout lockout, RequestMatcher open, ObjectMapper json, ResponseHeaders responseHeaders) {
        this.lockout = lockout;
        this.open = open;
        this.json = json;
        this.responseHeaders = responseHeaders;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!open.matches(request)) {
            Duration blocked = lockout.blocked(request.getRemoteAddr());
            if (!blocked.isZero()) {
                refuse(request, response, blocked);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Spring Security's answer to a request without valid Basic credentials (HTTP 401 with a Basic challenge), which
     * counts wrong ones as a failure of the address; none at all is a first request, not a guess.
     */
    public AuthenticationEntryPoint countingRefusals() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("ocpi-adapter");
        return (request, response, refused) -> {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                lockout.failed(request.getRemoteAddr(), true);
            }
            challenge.commence(request, response, refused);
        };
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration blocked) throws IOException {
        long seconds = Math.max(1, (blocked.toMillis() + 999) / 1000);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        responseHeaders.of(request).forEach(response::setHeader);
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), OcpiResponse.error(OcpiStatus.CLIENT_ERROR,
                "too many failed authentications from this address; try again in " + seconds + " s"));
    }
}
