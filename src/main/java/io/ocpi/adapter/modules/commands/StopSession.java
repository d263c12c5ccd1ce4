package io.ocpi.adapter.modules.commands;

import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** StopSession object: asks to end an ongoing session. */
public record StopSession(
        @NotNull @Size(max = 255) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String responseUrl,
        @NotNull @ObjectId @Size(max = 36) String sessionId) implements CommandRequest {
}
