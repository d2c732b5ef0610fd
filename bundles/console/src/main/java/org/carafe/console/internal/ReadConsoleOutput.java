package org.carafe.console.internal;

import java.util.List;

import org.carafe.api.console.ConsoleRights;
import org.carafe.api.console.ScreenBuffer;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.protocol.WireWriter;
import org.osgi.service.component.annotations.Component;

/**
 * read_console_output: the text of a screen buffer as rows (trailing blanks trimmed), its size,
 * its cursor and how many rows have scrolled off the top so far. Stateless; loop.
 */
@Component(name = "read_console_output",
        property = RequestHandler.REQUEST + "=read_console_output",
        service = RequestHandler.class)
public final class ReadConsoleOutput implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        ScreenBuffer screen = ConsoleHandles.screen(request.caller(), handle,
                ConsoleRights.READ);

        List<String> lines = screen.lines();
        WireWriter out = request.out();
        out.u32(screen.width()).u32(screen.height())
                .u32(screen.cursorX()).u32(screen.cursorY())
                .u64(screen.scrolled())
                .u32(lines.size());
        for (String line : lines) {
            out.string(line);
        }
    }
}
