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
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses OCPI requests whose body is larger than {@code ocpi.max-body-size} with HTTP 413: by Content-Length before
 * anything is read, and for a body sent in chunks by reading at most one byte past the limit. A body within the limit
 * is read here and must be UTF-8 (RFC 8259), else HTTP 400 with OCPI 2001: Camel reads bodies as text, and would
 * otherwise turn bytes that are not UTF-8 into replacement characters, or fail on them. It runs before the request
 * reaches Camel.
 *
 * <p>Only the body of a request whose credentials token is valid is read, and it must arrive within
 * {@code ocpi.body-read-timeout}, else HTTP 408: a client sending bodies slowly holds no thread for long. A request
 * without a valid token goes on without its body, to be refused by the route ({@link AbandonedBodyValve} then closes
 * its connection rather than wait for the body).
 */
@Component
public class BodySizeLimit extends OncePerRequestFilter {

    /**
     * The request attribute holding the outcome of the token check made before the body was read: the {@link Caller},
     * or the failure to check it (a database out of reach) that the route answers.
     */
    static final String TOKEN_CHECK = Caller.class.getName();

    private final long maxBytes;
    private final Duration readTimeout;
    private final CredentialsTokenReader tokens;
    private final ObjectMapper json;
    private final ResponseHeaders responseHeaders;

    public BodySizeLimit(OcpiProperties properties, CredentialsTokenReader tokens, ObjectMapper json, ResponseHeaders responseHeaders) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.readTimeout = properties.bodyReadTimeout();
        this.tokens = tokens;
        this.json = json;
        this.responseHeaders = responseHeaders;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !OcpiUrls.isOcpiPath(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response);
        } else if (declared > 0 || declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            Object checked = checkToken(request);
            request.setAttribute(TOKEN_CHECK, checked);
            if (!(checked instanceof Caller)) {
                chain.doFilter(new Buffered(request, new byte[0]), response);
                return;
            }
            byte[] body = readWithin(request, (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body == null) {
                long millis = readTimeout.toMillis();
                refuse(request, response, 408, OcpiStatus.CLIENT_ERROR, "request body: not received within "
                        + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms"));
                return;
            }
            String notUtf8 = isUtf8(request) ? notUtf8(body) : null;
            if (body.length > maxBytes) {
                tooLarge(request, response);
            } else if (notUtf8 != null) {
                refuse(request, response, 400, OcpiStatus.INVALID_OR_MISSING_PARAMETERS, "request body: not valid UTF-8: " + notUtf8);
            } else {
                chain.doFilter(new Buffered(request, body), response);
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Whose valid token the request carries; null when none (the route refuses it), the failure when it cannot tell. */
    private Object checkToken(HttpServletRequest request) {
        try {
            return tokens.authenticate(request.getHeader("Authorization"), OcpiUrls.version(request.getRequestURI()).orElse(null));
        } catch (OcpiException refused) {
            return null;
        } catch (RuntimeException failed) {
            return failed;
        }
    }

    /** At most {@code limit} bytes of the body, or null when they did not arrive within the read timeout. */
    private byte[] readWithin(HttpServletRequest request, int limit) throws IOException {
        long deadline = System.nanoTime() + readTimeout.toNanos();
        long declared = request.getContentLengthLong();
        InputStream in = request.getInputStream();
        // Sized to the body when it says how long it is: most are far shorter than a read buffer.
        int size = declared > 0 ? (int) Math.min(Math.min(declared, limit), 8192) : 8192;
        ByteArrayOutputStream body = new ByteArrayOutputStream(size);
        byte[] buffer = new byte[size];
        for (int read; body.size() < limit && (read = in.read(buffer, 0, Math.min(buffer.length, limit - body.size()))) >= 0; ) {
            body.write(buffer, 0, read);
            if (body.size() != declared && System.nanoTime() - deadline > 0) {
                return null;
            }
        }
        return body.toByteArray();
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, 413, OcpiStatus.CLIENT_ERROR, "request body: larger than the " + maxBytes + " bytes this adapter accepts");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int httpStatus, OcpiStatus status, String message)
            throws IOException {
        response.setStatus(httpStatus);
        response.setContentType("application/json");
        responseHeaders.of(request).forEach(response::setHeader);
        json.writeValue(response.getOutputStream(), OcpiResponse.error(status, message));
    }

    /** JSON is UTF-8; a request may only say so, or nothing. */
    private static boolean isUtf8(HttpServletRequest request) {
        String declared = request.getCharacterEncoding();
        return declared == null || declared.equalsIgnoreCase("UTF-8") || declared.equalsIgnoreCase("UTF8");
    }

    /** Where the body stops being UTF-8 (encoded surrogates and overlong forms included), or null when it is. */
    static String notUtf8(byte[] body) {
        if (isAscii(body)) {
            return null;
        }
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(body);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(1, Math.min(body.length, 8192)));
        while (true) {
            java.nio.charset.CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : decoder.flush(out);
            if (result.isError()) {
                return String.format("byte 0x%02X at offset %d", body[in.position()] & 0xFF, in.position());
            }
            if (result.isOverflow()) {
                out.clear();
            } else if (!in.hasRemaining()) {
                return decoder.flush(out.clear()).isError() ? "truncated at the end" : null;
            }
        }
    }

    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** A request whose chunked body has already been read (and counted). */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // Everything is in memory already: tell the listener at once.
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }
    }
}
