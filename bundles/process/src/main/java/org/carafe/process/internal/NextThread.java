package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Handles;
import org.carafe.api.model.Snapshot;
import org.carafe.api.model.Snapshot.ThreadRow;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/** next_thread: the snapshot's next thread (or its first, with reset), then NO_MORE_ENTRIES. */
@Component(name = "next_thread", property = RequestHandler.REQUEST + "=next_thread",
        service = RequestHandler.class)
public final class NextThread implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        boolean reset = request.in().u32() != 0;
        Snapshot snapshot = Handles.get(request.caller(), handle, 0, Snapshot.class);

        ThreadRow row = snapshot.nextThread(reset);
        if (row == null) {
            request.setStatus(Status.NO_MORE_ENTRIES);
            row = new ThreadRow(0, 0, 0);
        }
        request.out().u32(row.tid()).u32(row.pid()).u32(row.priority());
    }
}
