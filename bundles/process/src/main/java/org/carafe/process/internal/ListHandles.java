package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireWriter;
import org.osgi.service.component.annotations.Component;

/** list_handles: a process's handles in handle order, with each object's type and dump. */
@Component(name = "list_handles", property = RequestHandler.REQUEST + "=list_handles",
        service = RequestHandler.class)
public final class ListHandles implements RequestHandler {
    @Override
    public void handle(Request request) {
        int pid = request.in().u32();
        EmuProcess process = request.kernel().process(pid);
        if (process == null) {
            throw new StatusException(Status.INVALID_CID);
        }

        WireWriter out = request.out();
        out.u32(process.handles().count());
        process.handles().forEach((handle, entry) -> out.u32(handle).u32(entry.access())
                .u32(entry.flags()).string(entry.object().typeName())
                .string(entry.object().dump()));
    }
}
