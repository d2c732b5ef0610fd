package org.carafe.console.internal;

import org.carafe.api.console.Console;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.osgi.service.component.annotations.Component;

/**
 * free_console: detaches the caller's process from its console (nothing to do without one).
 * Handles to the console's parts stay valid; the console goes when its last process detaches
 * and no handle is left. Stateless; called on the loop.
 */
@Component(name = "free_console", property = RequestHandler.REQUEST + "=free_console",
        service = RequestHandler.class)
public final class FreeConsole implements RequestHandler {
    @Override
    public void handle(Request request) {
        EmuProcess process = request.caller().process();
        Console console = Console.of(process);

        if (console != null) {
            console.detach(process);
        }
    }
}
