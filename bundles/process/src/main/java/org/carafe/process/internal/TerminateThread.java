package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/**
 * terminate_thread: ends another thread at once, or records the exit code of the caller's own
 * thread, which ends when it closes its connection.
 */
@Component(name = "terminate_thread", property = RequestHandler.REQUEST + "=terminate_thread",
        service = RequestHandler.class)
public final class TerminateThread implements RequestHandler {
    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        int handle = request.in().u32();
        int exitCode = request.in().u32();
        EmuThread thread = Handles.get(caller, handle, Rights.THREAD_TERMINATE,
                EmuThread.class);

        if (thread == caller) {
            caller.reportExit(exitCode);
            request.out().u32(1).u32(caller.process().threads().size() == 1 ? 1 : 0);
            return;
        }
        request.out().u32(0).u32(0);
        if (!thread.isTerminated()) {
            thread.reportExit(exitCode);
            request.kernel().endThread(thread, exitCode, true);
        }
    }
}
