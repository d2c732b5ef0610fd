package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/** resume_thread: lowers a thread's suspend count (not below 0) and returns the old one. */
@Component(name = "resume_thread", property = RequestHandler.REQUEST + "=resume_thread",
        service = RequestHandler.class)
public final class ResumeThread implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        EmuThread thread = Handles.get(request.caller(), handle, Rights.THREAD_SUSPEND_RESUME,
                EmuThread.class);

        request.out().u32(thread.resume());
    }
}
