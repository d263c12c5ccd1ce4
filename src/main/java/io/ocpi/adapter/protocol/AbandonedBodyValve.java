package io.ocpi.adapter.protocol;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * A request answered without its body read to the end (refused for its credentials, its size, its path) has its
 * connection closed when the rest of the body has not arrived yet. The web server would otherwise read the rest
 * (up to 2 MB) on the request's thread at whatever pace the client sends it, so that a client trickling bodies could
 * hold every thread. Such a request refused for having no credentials at all counts as a failed authentication of its
 * address ({@link AuthLockout}).
 */
public class AbandonedBodyValve extends ValveBase {

    private final AuthLockout lockout;

    AbandonedBodyValve(AuthLockout lockout) {
        super(true);
        this.lockout = lockout;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.isAsync() || !restOfTheBodyIsMissing(request)) {
            return;
        }
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        if (response.getStatus() == 401 && request.getHeader("Authorization") == null) {
            lockout.abandonedBody(request.getRemoteAddr());
        }
    }

    /** Whether the body is not read to its end and what is left of it has not all arrived (chunked: cannot be told). */
    private static boolean restOfTheBodyIsMissing(Request request) {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        if (coyote.isFinished()) {
            return false;
        }
        long declared = coyote.getContentLengthLong();
        if (declared < 0) {
            return true;
        }
        // What has reached the server already, read without waiting for more.
        coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
        return coyote.getAvailable() < declared - coyote.getBytesRead();
    }

    /**
     * Installs the valve on the web server: the application's (a bean found by component scanning), and the management
     * server on a port of its own (listed for the management context in
     * {@code META-INF/spring/...ManagementContextConfiguration.imports}).
     */
    @ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        private final AuthLockout lockout;

        Installer(AuthLockout lockout) {
            this.lockout = lockout;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextValves(new AbandonedBodyValve(lockout));
        }
    }
}
