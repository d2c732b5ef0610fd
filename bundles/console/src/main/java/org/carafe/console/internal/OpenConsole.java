package org.carafe.console.internal;

import org.carafe.api.console.Console;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.Handles;
import org.carafe.api.model.KObject;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * open_console: a handle in the caller's process to the input (part 0) or the screen buffer
 * (part 1) of the console of the process named by a handle. A process without a console:
 * STATUS_INVALID_HANDLE. Stateless; called on the loop.
 */
@Component(name = "open_console", property = RequestHandler.REQUEST + "=open_console",
        service = RequestHandler.class)
public final class OpenConsole implements RequestHandler {
    static final int PART_INPUT = 0;
    static final int PART_OUTPUT = 1;

    @Override
    public void handle(Request request) {
        int processHandle = request.in().u32();
        int part = request.in().u32();
        int access = request.in().u32();
        int inherit = request.in().u32() != 0 ? Flags.HANDLE_FLAG_INHERIT : 0;
        EmuProcess process = Handles.get(request.caller(), processHandle,
                Rights.PROCESS_QUERY_INFORMATION, EmuProcess.class);
        if (part != PART_INPUT && part != PART_OUTPUT) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        Console console = Console.of(process);
        if (console == null) {
            throw new StatusException(Status.INVALID_HANDLE);
        }

        KObject object = part == PART_INPUT ? console.input() : console.screen();
        int handle = request.caller().process().handles().alloc(object, access, inherit);
        request.out().u32(handle);
    }
}
