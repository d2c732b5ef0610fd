package org.carafe.process.internal;

import java.util.Collection;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.protocol.WireWriter;
import org.osgi.service.component.annotations.Component;

/** list_processes: every process the server knows, oldest first, ended ones included. */
@Component(name = "list_processes", property = RequestHandler.REQUEST + "=list_processes",
        service = RequestHandler.class)
public final class ListProcesses implements RequestHandler {
    static final int RUNNING = 0;
    static final int SUSPENDED = 1;
    static final int EXITED = 2;

    @Override
    public void handle(Request request) {
        Collection<EmuProcess> processes = request.kernel().processes();
        WireWriter out = request.out();

        out.u32(processes.size());
        for (EmuProcess p : processes) {
            out.u32(p.pid()).u32(p.ppid()).u32(p.linuxPid()).u32(p.threads().size())
                    .u32(state(p)).u32(p.exitCode()).string(p.command());
        }
    }

    private static int state(EmuProcess process) {
        if (process.hasEnded()) {
            return EXITED;
        }
        return process.isSuspended() ? SUSPENDED : RUNNING;
    }
}
