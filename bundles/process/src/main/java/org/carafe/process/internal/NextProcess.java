package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Handles;
import org.carafe.api.model.Snapshot;
import org.carafe.api.model.Snapshot.ProcessRow;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/** next_process: the snapshot's next process (or its first, with reset), then NO_MORE_ENTRIES. */
@Component(name = "next_process", property = RequestHandler.REQUEST + "=next_process",
        service = RequestHandler.class)
public final class NextProcess implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        boolean reset = request.in().u32() != 0;
        Snapshot snapshot = Handles.get(request.caller(), handle, 0, Snapshot.class);

        ProcessRow row = snapshot.nextProcess(reset);
        if (row == null) {
            request.setStatus(Status.NO_MORE_ENTRIES);
            row = new ProcessRow(0, 0, 0, 0, 0, "");
        }
        request.out().u32(row.pid()).u32(row.ppid()).u32(row.threads()).u32(row.priority())
                .u32(row.handles()).string(row.command());
    }
}
