package org.carafe.console.internal;

import java.util.List;

import org.carafe.api.console.ConsoleInput;
import org.carafe.api.console.ConsoleRights;
import org.carafe.api.console.InputRecord;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireWriter;
import org.osgi.service.component.annotations.Component;

/**
 * read_console_input: takes up to {@code max} records from a console input. With {@code wait}
 * and nothing queued the reply is parked in a {@link ConsoleReadWait} until records arrive;
 * without it the reply may hold none. Stateless; called on the loop.
 */
@Component(name = "read_console_input", property = RequestHandler.REQUEST + "=read_console_input",
        service = RequestHandler.class)
public final class ReadConsoleInput implements RequestHandler {
    /** At most this many records per reply. */
    static final int MAX_RECORDS = 4096;

    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        int max = request.in().u32();
        boolean wait = request.in().u32() != 0;
        if (max <= 0) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        int limit = Math.min(max, MAX_RECORDS);
        ConsoleInput input = ConsoleHandles.input(request.caller(), handle, ConsoleRights.READ);

        if (input.pending() == 0 && wait) {
            new ConsoleReadWait(request.caller(), input, limit).park(request.park());
            return;
        }
        reply(request.out(), input.read(limit));
    }

    /** Writes {@code u32 count} and the records. */
    static void reply(WireWriter out, List<InputRecord> records) {
        out.u32(records.size());
        for (InputRecord record : records) {
            out.u32(record.ch()).u32(record.keyDown() ? 1 : 0);
        }
    }
}
