package org.carafe.process.internal;

import java.util.ArrayList;
import java.util.List;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.Module;
import org.carafe.api.model.Snapshot;
import org.carafe.api.model.Snapshot.ProcessRow;
import org.carafe.api.model.Snapshot.ThreadRow;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * create_snapshot: copies the running processes, their threads and one process's modules, as
 * the flags ask, into a snapshot object the next_* requests walk.
 */
@Component(name = "create_snapshot", property = RequestHandler.REQUEST + "=create_snapshot",
        service = RequestHandler.class)
public final class CreateSnapshot implements RequestHandler {
    @Override
    public void handle(Request request) {
        int flags = request.in().u32();
        int pid = request.in().u32();
        int inherit = request.in().u32() != 0 ? Flags.HANDLE_FLAG_INHERIT : 0;
        Kernel kernel = request.kernel();
        EmuProcess target = pid == 0 ? request.caller().process() : kernel.process(pid);
        if (target == null) {
            throw new StatusException(Status.INVALID_CID);
        }

        List<ProcessRow> processes = new ArrayList<>();
        List<ThreadRow> threads = new ArrayList<>();
        for (EmuProcess p : kernel.processes()) {
            if (p.hasEnded()) {
                continue;
            }
            if ((flags & Flags.SNAP_PROCESS) != 0) {
                processes.add(new ProcessRow(p.pid(), p.ppid(), p.threads().size(),
                        p.priority(), p.handles().count(), p.command()));
            }
            if ((flags & Flags.SNAP_THREAD) != 0) {
                for (EmuThread t : p.threads()) {
                    threads.add(new ThreadRow(t.tid(), p.pid(), t.priority()));
                }
            }
        }
        List<Module> modules = (flags & Flags.SNAP_MODULE) != 0 ? target.modules() : List.of();
        Snapshot snapshot = new Snapshot(kernel, processes, threads, modules);
        try {
            int handle = request.caller().process().handles().alloc(snapshot, Rights.ALL,
                    inherit);
            request.out().u32(handle);
        } finally {
            snapshot.release();
        }
    }
}
