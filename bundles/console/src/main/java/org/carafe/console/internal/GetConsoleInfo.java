package org.carafe.console.internal;

import org.carafe.api.console.ConsoleRights;
import org.carafe.api.console.ScreenBuffer;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.osgi.service.component.annotations.Component;

/** get_console_info: size, cursor and title of a screen buffer. Stateless; loop. */
@Component(name = "get_console_info", property = RequestHandler.REQUEST + "=get_console_info",
        service = RequestHandler.class)
public final class GetConsoleInfo implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        ScreenBuffer screen = ConsoleHandles.screen(request.caller(), handle,
                ConsoleRights.READ);

        request.out().u32(screen.width()).u32(screen.height())
                .u32(screen.cursorX()).u32(screen.cursorY())
                .string(screen.title());
    }
}
