package org.carafe.console.internal;

import org.carafe.api.console.Console;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.HandleTable;
import org.carafe.api.protocol.Flags;
import org.osgi.service.component.annotations.Component;

/**
 * alloc_console: attaches the caller's process to a new console and returns handles to its
 * input and its screen buffer. Already attached: STATUS_ACCESS_DENIED, the console untouched.
 * Stateless; called on the loop.
 */
@Component(name = "alloc_console", property = RequestHandler.REQUEST + "=alloc_console",
        service = RequestHandler.class)
public final class AllocConsole implements RequestHandler {
    @Override
    public void handle(Request request) {
        int access = request.in().u32();
        int inherit = request.in().u32() != 0 ? Flags.HANDLE_FLAG_INHERIT : 0;
        EmuProcess process = request.caller().process();
        Console console = Console.allocate(process);

        HandleTable table = process.handles();
        int input = 0;
        try {
            input = table.alloc(console.input(), access, inherit);
            int output = table.alloc(console.screen(), access, inherit);
            request.out().u32(input).u32(output);
        } catch (RuntimeException e) {
            if (input != 0) {
                table.close(input);
            }
            console.detach(process);
            throw e;
        }
    }
}
