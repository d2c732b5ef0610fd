package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/** suspend_thread: raises a thread's suspend count (at most 127) and returns the old one. */
@Component(name = "suspend_thread", property = RequestHandler.REQUEST + "=suspend_thread",
        service = RequestHandler.class)
public final class SuspendThread implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        EmuThread thread = Handles.get(request.caller(), handle, Rights.THREAD_SUSPEND_RESUME,
                EmuThread.class);

        request.out().u32(thread.suspend());
    }
}
