package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/** open_thread: a handle with the requested access to the thread of a tid. */
@Component(name = "open_thread", property = RequestHandler.REQUEST + "=open_thread",
        service = RequestHandler.class)
public final class OpenThread implements RequestHandler {
    @Override
    public void handle(Request request) {
        int tid = request.in().u32();
        int access = request.in().u32();
        int inherit = request.in().u32() != 0 ? Flags.HANDLE_FLAG_INHERIT : 0;
        EmuThread thread = request.kernel().thread(tid);
        if (thread == null) {
            throw new StatusException(Status.INVALID_CID);
        }

        int handle = request.caller().process().handles().alloc(thread, access, inherit);
        request.out().u32(handle);
    }
}
