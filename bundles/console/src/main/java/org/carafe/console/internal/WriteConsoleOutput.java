package org.carafe.console.internal;

import org.carafe.api.console.ConsoleRights;
import org.carafe.api.console.ScreenBuffer;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.osgi.service.component.annotations.Component;

/**
 * write_console_output: writes text at the cursor of a screen buffer (see {@link
 * ScreenBuffer#write}); replies with the number of UTF-16 units written. Stateless; loop.
 */
@Component(name = "write_console_output",
        property = RequestHandler.REQUEST + "=write_console_output",
        service = RequestHandler.class)
public final class WriteConsoleOutput implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        String text = request.in().string();
        ScreenBuffer screen = ConsoleHandles.screen(request.caller(), handle,
                ConsoleRights.WRITE);

        screen.write(text);
        request.out().u32(text.length());
    }
}
