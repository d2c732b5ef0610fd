package org.carafe.console.internal;

import java.util.ArrayList;
import java.util.List;

import org.carafe.api.console.ConsoleInput;
import org.carafe.api.console.ConsoleRights;
import org.carafe.api.console.InputRecord;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireReader;
import org.osgi.service.component.annotations.Component;

/**
 * write_console_input: queues records in a console input and wakes its readers; replies with
 * how many fitted (the queue holds {@value ConsoleInput#CAPACITY}). Stateless; loop.
 */
@Component(name = "write_console_input",
        property = RequestHandler.REQUEST + "=write_console_input",
        service = RequestHandler.class)
public final class WriteConsoleInput implements RequestHandler {
    /** Bytes of one record on the wire: u32 char, u32 key_down. */
    static final int RECORD_BYTES = 8;

    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        int count = request.in().u32();
        if (count < 0 || (long) count * RECORD_BYTES > request.in().remaining()) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        List<InputRecord> records = read(request.in(), count);
        ConsoleInput input = ConsoleHandles.input(request.caller(), handle,
                ConsoleRights.WRITE);

        request.out().u32(input.write(records));
    }

    private static List<InputRecord> read(WireReader in, int count) {
        List<InputRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char ch = (char) in.u32();
            records.add(new InputRecord(ch, in.u32() != 0));
        }
        return records;
    }
}
