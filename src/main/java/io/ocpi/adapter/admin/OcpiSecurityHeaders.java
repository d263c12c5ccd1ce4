package io.ocpi.adapter.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every OCPI answer, those Spring Security writes on the other paths, set before the request
 * goes on (so that whatever answers finds them in place): no content sniffing, no framing, no caching, the browser's
 * XSS filter off, and over TLS Strict-Transport-Security. OCPI paths are outside Spring Security's chain
 * ({@link AdminSecurity}): their callers authenticate with OCPI credentials tokens, which the protocol checks itself.
 */
class OcpiSecurityHeaders extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
