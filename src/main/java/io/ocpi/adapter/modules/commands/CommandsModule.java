package io.ocpi.adapter.modules.commands;

import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import org.springframework.stereotype.Component;

/** The commands module: commands to a CPO (Receiver) and their results to the eMSP that sent them (Sender). */
@Component
public class CommandsModule extends OcpiModule {

    public CommandsModule() {
        super(ModuleId.COMMANDS, receiver(CommandsRoutes.RECEIVER), sender(CommandsRoutes.SENDER));
    }
}
