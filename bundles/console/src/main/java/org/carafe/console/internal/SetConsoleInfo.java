package org.carafe.console.internal;

import org.carafe.api.console.ConsoleRights;
import org.carafe.api.console.ScreenBuffer;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * set_console_info: sets the title (mask 1), the size (mask 2) and the cursor (mask 4) of a
 * screen buffer, in that order. Every value is checked before anything changes. Stateless;
 * called on the loop.
 */
@Component(name = "set_console_info", property = RequestHandler.REQUEST + "=set_console_info",
        service = RequestHandler.class)
public final class SetConsoleInfo implements RequestHandler {
    static final int SET_TITLE = 0x1;
    static final int SET_SIZE = 0x2;
    static final int SET_CURSOR = 0x4;

    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        int mask = request.in().u32();
        int width = request.in().u32();
        int height = request.in().u32();
        int x = request.in().u32();
        int y = request.in().u32();
        String title = request.in().string();
        ScreenBuffer screen = ConsoleHandles.screen(request.caller(), handle,
                ConsoleRights.WRITE);
        check(screen, mask, width, height, x, y, title);

        if ((mask & SET_TITLE) != 0) {
            screen.setTitle(title);
        }
        if ((mask & SET_SIZE) != 0) {
            screen.resize(width, height);
        }
        if ((mask & SET_CURSOR) != 0) {
            screen.setCursor(x, y);
        }
    }

    /** STATUS_INVALID_PARAMETER for unknown mask bits or values the buffer would refuse. */
    private static void check(ScreenBuffer screen, int mask, int width, int height, int x, int y,
            String title) {
        boolean bad = (mask & ~(SET_TITLE | SET_SIZE | SET_CURSOR)) != 0;
        if ((mask & SET_TITLE) != 0) {
            bad |= title.length() > ScreenBuffer.MAX_TITLE;
        }
        int w = screen.width();
        int h = screen.height();
        if ((mask & SET_SIZE) != 0) {
            bad |= width < 1 || height < 1 || width > ScreenBuffer.MAX_SIDE
                    || height > ScreenBuffer.MAX_SIDE
                    || (long) width * height > ScreenBuffer.MAX_CELLS;
            w = width;
            h = height;
        }
        if ((mask & SET_CURSOR) != 0) {
            bad |= x < 0 || y < 0 || x >= w || y >= h;
        }
        if (bad) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
    }
}
