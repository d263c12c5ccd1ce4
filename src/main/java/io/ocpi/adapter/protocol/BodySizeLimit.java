package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.config.OcpiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses OCPI requests whose body is larger than {@code ocpi.max-body-size} with HTTP 413, before the body is read:
 * by its Content-Length when it has one, and by counting when it is sent in chunks.
 */
@Component
public class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper json;

    public BodySizeLimit(OcpiProperties properties, ObjectMapper json) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(OcpiUrls.BASE_PATH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes), response);
        } catch (BodyTooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                refuse(request, response);
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json");
        String requestId = request.getHeader(OcpiExchange.HEADER_REQUEST_ID);
        if (requestId != null) {
            response.setHeader(OcpiExchange.HEADER_REQUEST_ID, requestId);
        }
        json.writeValue(response.getOutputStream(),
                OcpiResponse.error(OcpiStatus.CLIENT_ERROR, "request body: larger than the " + maxBytes + " bytes this adapter accepts"));
    }

    /** Thrown while the body is read, on whichever thread reads it; the protocol answers it with HTTP 413. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body too large");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream limited;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > maxBytes) {
                            throw new BodyTooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > maxBytes) {
                            throw new BodyTooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
