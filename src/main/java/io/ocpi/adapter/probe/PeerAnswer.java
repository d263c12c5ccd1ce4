package io.ocpi.adapter.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A peer's answer as it came: HTTP status, headers, and the envelope when the body was JSON. */
record PeerAnswer(String method, String url, HttpResponse<byte[]> response, JsonNode envelope) {

    static PeerAnswer of(String method, String url, HttpResponse<byte[]> response, ObjectMapper json) {
        JsonNode envelope;
        try {
            envelope = response.body().length == 0 ? null : json.readTree(response.body());
        } catch (IOException e) {
            envelope = null;
        }
        return new PeerAnswer(method, url, response, envelope);
    }

    int httpStatus() {
        return response.statusCode();
    }

    /** The envelope's status_code, or null when there is none. */
    Integer statusCode() {
        return envelope != null && envelope.path("status_code").canConvertToInt() ? envelope.get("status_code").asInt() : null;
    }

    boolean isSuccess() {
        return httpStatus() >= 200 && httpStatus() <= 299 && statusCode() != null && statusCode() >= 1000 && statusCode() <= 1999;
    }

    JsonNode data() {
        return envelope == null ? null : envelope.get("data");
    }

    Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    Optional<String> sent(String name) {
        return response.request().headers().firstValue(name);
    }

    /** "GET url answered HTTP 400 with OCPI 2001: message", for deviation details. */
    String describe() {
        String message = envelope == null ? null : envelope.path("status_message").asText(null);
        return method + " " + url + " answered HTTP " + httpStatus()
                + (statusCode() == null ? " without an OCPI envelope" : " with OCPI " + statusCode())
                + (message == null ? "" : ": " + message);
    }
}
