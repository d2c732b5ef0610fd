package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/** open_process: a handle with the requested access to the process of a pid. */
@Component(name = "open_process", property = RequestHandler.REQUEST + "=open_process",
        service = RequestHandler.class)
public final class OpenProcess implements RequestHandler {
    @Override
    public void handle(Request request) {
        int pid = request.in().u32();
        int access = request.in().u32();
        int inherit = request.in().u32() != 0 ? Flags.HANDLE_FLAG_INHERIT : 0;
        EmuProcess process = request.kernel().process(pid);
        if (process == null) {
            throw new StatusException(Status.INVALID_CID);
        }

        int handle = request.caller().process().handles().alloc(process, access, inherit);
        request.out().u32(handle);
    }
}
