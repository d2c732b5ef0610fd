package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Handles;
import org.carafe.api.model.Module;
import org.carafe.api.model.Snapshot;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/** next_module: the snapshot's next module (or its first, with reset), then NO_MORE_ENTRIES. */
@Component(name = "next_module", property = RequestHandler.REQUEST + "=next_module",
        service = RequestHandler.class)
public final class NextModule implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        boolean reset = request.in().u32() != 0;
        Snapshot snapshot = Handles.get(request.caller(), handle, 0, Snapshot.class);

        Module row = snapshot.nextModule(reset);
        if (row == null) {
            request.setStatus(Status.NO_MORE_ENTRIES);
            row = new Module(0, 0, "");
        }
        request.out().u64(row.base()).u64(row.size()).string(row.name());
    }
}
