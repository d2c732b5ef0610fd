package org.carafe.console.internal;

import org.carafe.api.console.ConsoleInput;
import org.carafe.api.console.ConsoleRights;
import org.carafe.api.console.ScreenBuffer;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.KObject;
import org.osgi.service.component.annotations.Component;

/**
 * set_console_mode: sets the mode bits of a console input or screen buffer (stored as given;
 * the screen buffer acts on PROCESSED_OUTPUT and WRAP_AT_EOL_OUTPUT). Stateless; loop.
 */
@Component(name = "set_console_mode", property = RequestHandler.REQUEST + "=set_console_mode",
        service = RequestHandler.class)
public final class SetConsoleMode implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        int mode = request.in().u32();
        KObject part = ConsoleHandles.part(request.caller(), handle, ConsoleRights.WRITE);

        if (part instanceof ConsoleInput) {
            ((ConsoleInput) part).setMode(mode);
        } else {
            ((ScreenBuffer) part).setMode(mode);
        }
    }
}
