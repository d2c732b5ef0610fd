package org.carafe.process.internal;

import java.util.List;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/**
 * suspend_process: suspends every thread of a process once; a thread already at the limit
 * stays as it is, as Windows leaves it.
 */
@Component(name = "suspend_process", property = RequestHandler.REQUEST + "=suspend_process",
        service = RequestHandler.class)
public final class SuspendProcess implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        EmuProcess process = Handles.get(request.caller(), handle, Rights.PROCESS_SUSPEND_RESUME,
                EmuProcess.class);

        for (EmuThread thread : List.copyOf(process.threads())) {
            try {
                thread.suspend();
            } catch (StatusException e) {
                // At the suspend limit: the thread is suspended already.
            }
        }
    }
}
