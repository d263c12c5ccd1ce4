package io.ocpi.adapter.protocol;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what never reaches a route (no endpoint at that path, a method the endpoint does not have) in the OCPI
 * envelope with the request ids, so that a peer gets the same shape of answer for every mistake. The routes are served
 * at their paths in every version, so a method no route has at a path whose version lacks the module (or is not
 * enabled) is no endpoint there (404), as any other method is, rather than a method not allowed.
 */
@RestController
public class OcpiErrorController implements ErrorController {

    private final ResponseHeaders responseHeaders;
    private final ServedVersions versions;

    public OcpiErrorController(ResponseHeaders responseHeaders, ServedVersions versions) {
        this.responseHeaders = responseHeaders;
        this.versions = versions;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<OcpiResponse<Void>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status == 405 && path instanceof String versioned && versioned.startsWith(OcpiUrls.BASE_PATH + "/")
                && OcpiUrls.isVersioned(versioned) && versions.serving(versioned).isEmpty()) {
            status = 404;
        }
        Object reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        HttpHeaders headers = new HttpHeaders();
        // A filter before the routes can meet the database down too; the peer is told the same as by a route.
        boolean outage = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error && OcpiProtocol.isOutage(error);
        if (outage) {
            status = 503;
            headers.set(HttpHeaders.RETRY_AFTER, OcpiProtocol.RETRY_AFTER_SECONDS);
        }
        String message = outage ? OcpiProtocol.UNAVAILABLE : switch (status) {
            case 404 -> "no endpoint at " + path;
            case 405 -> "method " + request.getMethod() + " not allowed at " + path;
            case 401, 403 -> "not authorised for " + path;
            default -> "request to " + path + " failed with HTTP " + status
                    + (reason instanceof String text && !text.isBlank() ? ": " + text : "");
        };
        // A URL refused as such (RejectedUrls) is a request with invalid parameters.
        OcpiStatus ocpi = status >= 500 ? OcpiStatus.SERVER_ERROR
                : status == 400 && reason instanceof String text && !text.isBlank() ? OcpiStatus.INVALID_OR_MISSING_PARAMETERS
                : OcpiStatus.CLIENT_ERROR;
        responseHeaders.of(request).forEach(headers::set);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(OcpiResponse.error(ocpi, message));
    }
}
