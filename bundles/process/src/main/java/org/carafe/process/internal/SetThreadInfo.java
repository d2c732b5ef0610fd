package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * set_thread_info: sets the priority and the affinity selected by the mask; an affinity must
 * be a non-empty subset of the process's.
 */
@Component(name = "set_thread_info", property = RequestHandler.REQUEST + "=set_thread_info",
        service = RequestHandler.class)
public final class SetThreadInfo implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        int mask = request.in().u32();
        int priority = request.in().u32();
        long affinity = request.in().u64();
        EmuThread thread = Handles.get(request.caller(), handle, Rights.THREAD_SET_INFORMATION,
                EmuThread.class);
        long allowed = thread.process().affinity();
        if ((mask & SetProcessInfo.SET_AFFINITY) != 0
                && (affinity == 0 || (affinity & ~allowed) != 0)) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }

        if ((mask & SetProcessInfo.SET_PRIORITY) != 0) {
            thread.setPriority(priority);
        }
        if ((mask & SetProcessInfo.SET_AFFINITY) != 0) {
            thread.setAffinity(affinity);
        }
    }
}
