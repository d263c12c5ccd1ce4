package io.ocpi.adapter.admin;

import io.ocpi.adapter.modules.credentials.PeerRefusedException;
import io.ocpi.adapter.modules.pull.PeerPulls.PullFailedException;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
        } catch (BadParameter e) {
            return error(400, e.getMessage());
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

    /** A parameter of the request that cannot be used, named in the answer (HTTP 400). */
    static final class BadParameter extends RuntimeException {
        BadParameter(String message) {
            super(message);
        }
    }

    /** The OCPI version a parameter names; null when it names none. */
    static VersionNumber version(String text) {
        return text == null ? null : VersionNumber.of(text.trim())
                .orElseThrow(() -> new BadParameter("version: '" + text + "' is none of " + List.of(VersionNumber.values())));
    }

    /** The role of ours a parameter names; null when it names none. */
    static Role role(String text) {
        if (text == null) {
            return null;
        }
        String role = text.trim().toUpperCase(Locale.ROOT);
        if (!role.equals(Role.CPO.name()) && !role.equals(Role.EMSP.name())) {
            throw new BadParameter("role: '" + text + "' is none of CPO, EMSP");
        }
        return Role.valueOf(role);
    }

    private static WebEndpointResponse<Object> error(int status, String message) {
        LOG.warn("admin action failed: {}", message);
        return new WebEndpointResponse<>(Map.of("error", message), status);
    }
}
