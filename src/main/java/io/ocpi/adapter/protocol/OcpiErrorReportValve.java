package io.ocpi.adapter.protocol;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests the web server refuses before any servlet sees them (an encoded {@code /} or {@code \} in the path, a
 * malformed URI) are answered in the OCPI envelope too, with the request's ids, instead of Tomcat's HTML error page.
 */
public class OcpiErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable error) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        String reason = response.getMessage() == null || response.getMessage().isBlank() ? "" : ": " + response.getMessage();
        String message = "request refused by the web server with HTTP " + status + reason;
        OcpiStatus ocpi = status >= 500 ? OcpiStatus.SERVER_ERROR : OcpiStatus.CLIENT_ERROR;
        try {
            response.setContentType("application/json");
            response.setHeader(OcpiExchange.HEADER_REQUEST_ID, OcpiExchange.idOrNew(request.getHeader(OcpiExchange.HEADER_REQUEST_ID)));
            response.setHeader(OcpiExchange.HEADER_CORRELATION_ID, OcpiExchange.idOrNew(request.getHeader(OcpiExchange.HEADER_CORRELATION_ID)));
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"status_code\":" + ocpi.code() + ",\"status_message\":\"" + escape(message)
                        + "\",\"timestamp\":\"" + OcpiDateTime.format(Instant.now()) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response already started: nothing more to say.
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Installs the valve on the embedded Tomcat's host. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(OcpiErrorReportValve.class.getName());
                }
            });
        }
    }
}
