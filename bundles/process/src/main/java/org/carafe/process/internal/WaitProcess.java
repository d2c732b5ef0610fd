package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.model.StartupInfo;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * wait_process: waits, with its reply parked, until the child of a startup record has called
 * init_process (or died), then gives the creator handles to the child.
 */
@Component(name = "wait_process", property = RequestHandler.REQUEST + "=wait_process",
        service = RequestHandler.class)
public final class WaitProcess implements RequestHandler {
    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        int infoHandle = request.in().u32();
        long timeout = request.remainingMillis(request.in().u64());
        boolean processInherit = request.in().u32() != 0;
        boolean threadInherit = request.in().u32() != 0;
        StartupInfo info = Handles.get(caller, infoHandle, Rights.SYNCHRONIZE,
                StartupInfo.class);

        StartupWait wait = new StartupWait(caller, info, processInherit, threadInherit);
        if (info.isSignaled(caller)) {
            setStatus(request, wait.reply(request.out()));
        } else if (timeout == 0) {
            setStatus(request, wait.timedOut(request.out()));
        } else {
            wait.park(request.park(), timeout);
        }
    }

    private static void setStatus(Request request, int status) {
        if (Status.isError(status)) {
            throw new StatusException(status);
        }
        if (status != Status.SUCCESS) {
            request.setStatus(status);
        }
    }
}
