package io.ocpi.adapter.admin;

import io.ocpi.adapter.modules.credentials.PeerRefusedException;
import io.ocpi.adapter.modules.pull.PeerPulls.PullFailedException;
import io.ocpi.adapter.protocol.OcpiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/** Turns the outcome of an admin action into an HTTP answer an operator can read. */
final class AdminAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAnswers.class);

    private AdminAnswers() {
    }

    static WebEndpointResponse<Object> answer(Supplier<Object> action) {
        try {
            return new WebEndpointResponse<>(action.get(), 200);
        } catch (IllegalArgumentException e) {
            return error(404, e.getMessage());
        } catch (IllegalStateException e) {
            return error(409, e.getMessage());
        } catch (OcpiException e) {
            return error(502, "OCPI " + e.status().code() + ": " + e.getMessage());
        } catch (PeerRefusedException e) {
            return error(502, e.getMessage());
        } catch (PullFailedException e) {
            LOG.warn("admin action failed: {}", e.getMessage());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", e.getMessage());
            answer.putAll(e.details());
            return new WebEndpointResponse<>(answer, 502);
        }
    }

    private static WebEndpointResponse<Object> error(int status, String message) {
        LOG.warn("admin action failed: {}", message);
        return new WebEndpointResponse<>(Map.of("error", message), status);
    }
}
