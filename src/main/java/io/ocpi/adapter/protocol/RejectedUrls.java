package io.ocpi.adapter.protocol;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * URLs the HTTP firewall refuses (encoded {@code ;}, line breaks, {@code %00}, ...) get HTTP 400 with the reason,
 * which {@link OcpiErrorController} puts in the OCPI envelope: a peer learns what was wrong with its URL.
 */
@Component
public class RejectedUrls implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, rejected.getMessage());
    }
}
