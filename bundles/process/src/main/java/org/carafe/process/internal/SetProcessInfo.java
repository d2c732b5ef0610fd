package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.Handles;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * set_process_info: sets the priority and the affinity selected by the mask; an affinity must
 * be a non-empty subset of the machine's CPUs, and an ended process takes none.
 */
@Component(name = "set_process_info", property = RequestHandler.REQUEST + "=set_process_info",
        service = RequestHandler.class)
public final class SetProcessInfo implements RequestHandler {
    static final int SET_PRIORITY = 1;
    static final int SET_AFFINITY = 2;

    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        int mask = request.in().u32();
        int priority = request.in().u32();
        long affinity = request.in().u64();
        EmuProcess process = Handles.get(request.caller(), handle,
                Rights.PROCESS_SET_INFORMATION, EmuProcess.class);
        long machine = request.kernel().machineAffinity();
        if ((mask & SET_AFFINITY) != 0 && (affinity == 0 || (affinity & ~machine) != 0)) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        if ((mask & SET_AFFINITY) != 0 && process.hasEnded()) {
            throw new StatusException(Status.PROCESS_IS_TERMINATING);
        }

        if ((mask & SET_PRIORITY) != 0) {
            process.setPriority(priority);
        }
        if ((mask & SET_AFFINITY) != 0) {
            process.setAffinity(affinity);
        }
    }
}
