package org.carafe.console.internal;

import org.carafe.api.console.ConsoleInput;
import org.carafe.api.console.ConsoleRights;
import org.carafe.api.console.ScreenBuffer;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.KObject;
import org.osgi.service.component.annotations.Component;

/** get_console_mode: the mode bits of a console input or screen buffer. Stateless; loop. */
@Component(name = "get_console_mode", property = RequestHandler.REQUEST + "=get_console_mode",
        service = RequestHandler.class)
public final class GetConsoleMode implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        KObject part = ConsoleHandles.part(request.caller(), handle, ConsoleRights.READ);

        int mode = part instanceof ConsoleInput ? ((ConsoleInput) part).mode()
                : ((ScreenBuffer) part).mode();
        request.out().u32(mode);
    }
}
