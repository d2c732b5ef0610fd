package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Event;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * init_process_done: ends a process's initialisation, sets its init event, and suspends the
 * caller right after this reply when the process was created suspended. Listeners hear of
 * it (the debugger queues the startup events here).
 */
@Component(name = "init_process_done", property = RequestHandler.REQUEST + "=init_process_done",
        service = RequestHandler.class)
public final class InitProcessDone implements RequestHandler {
    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        EmuProcess process = caller.process();
        if (process.isInitDone()) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }

        Event init = process.initEvent();
        process.setInitDone();
        if (init != null) {
            init.set();
        }
        process.setInitEvent(null);
        boolean suspended = (process.createFlags() & Flags.CREATE_SUSPENDED) != 0;
        request.out().u32(suspended ? 1 : 0);
        request.kernel().announce(l -> l.processInitDone(process), process);

        // Suspension holds only requests that arrive later, so this reply still goes out.
        if (suspended) {
            caller.suspend();
        }
    }
}
