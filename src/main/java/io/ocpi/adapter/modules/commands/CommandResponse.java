package io.ocpi.adapter.modules.commands;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ocpi.adapter.modules.asyncrequests.AsyncResponse;
import io.ocpi.adapter.ocpi.DisplayText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * CommandResponse object: the receiver's immediate answer to a command, not the charge point's. {@code timeout}
 * (seconds) is how long the sender should wait for the {@link CommandResult}, as a lost result is never retried.
 */
public record CommandResponse(
        @NotNull CommandResponseType result,
        @NotNull Integer timeout,
        List<@Valid @NotNull DisplayText> message) implements AsyncResponse {

    @Override
    @JsonIgnore
    public boolean accepted() {
        return result == CommandResponseType.ACCEPTED;
    }
}
