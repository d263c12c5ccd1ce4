package io.ocpi.adapter.modules.commands;

import io.ocpi.adapter.ocpi.DisplayText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** CommandResult object: the charge point's outcome of a command, posted later to the command's response URL. */
public record CommandResult(
        @NotNull CommandResultType result,
        List<@Valid @NotNull DisplayText> message) {
}
