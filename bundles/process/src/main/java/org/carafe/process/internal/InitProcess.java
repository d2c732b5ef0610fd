package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.HandleEntry;
import org.carafe.api.model.StartupInfo;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * init_process: the first thread picks up its startup record once: inherited handles, std
 * handles, creation flags; listeners hear of the process (and may replace its std handles, e.g.
 * with handles to a new console), and the creator's wait_process wakes.
 */
@Component(name = "init_process", property = RequestHandler.REQUEST + "=init_process",
        service = RequestHandler.class)
public final class InitProcess implements RequestHandler {
    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        EmuProcess process = caller.process();
        StartupInfo info = process.startupInfo();
        EmuProcess parent = info != null ? info.creator().process() : null;
        if (!ProcessState.isFirstThread(process, caller.tid())
                || ProcessState.isInitialized(process)) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        if (info != null && info.inheritAll() && process.handles().count() != 0) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }

        ProcessState.setInitialized(process);
        int[] std = {0, 0, 0};
        if (info != null) {
            process.setCreateFlags(info.createFlags());
            std = inheritHandles(process, parent, info);
        }
        process.setStdHandles(std);
        request.kernel().announce(l -> l.processInitializing(process, parent, info), process,
                parent, info);
        std = process.stdHandles();
        request.out().u32(parent != null ? parent.pid() : 0)
                .u32(process.createFlags())
                .u32(info != null ? info.startFlags() : 0)
                .u32(std[0]).u32(std[1]).u32(std[2])
                .string(process.command());
        if (info != null) {
            info.markPicked();
        }

        process.setStartupInfo(null);
    }

    /** Copies the inheritable table or duplicates the std handles; returns the child's values. */
    private static int[] inheritHandles(EmuProcess child, EmuProcess parent, StartupInfo info) {
        int[] std = info.stdHandles();
        if (info.inheritAll()) {
            child.setHandles(parent.handles().copyInheritable());
            return std;
        }
        if ((info.startFlags() & Flags.STARTF_USESTDHANDLES) != 0) {
            return std;
        }

        for (int i = 0; i < std.length; i++) {
            std[i] = duplicate(parent, std[i], child);
        }
        return std;
    }

    /** Same access, inheritable; a handle not valid in the parent gives 0. */
    private static int duplicate(EmuProcess parent, int handle, EmuProcess child) {
        HandleEntry entry = parent.handles().entry(handle);
        if (entry == null) {
            return 0;
        }

        return child.handles().alloc(entry.object(), entry.access(),
                Flags.HANDLE_FLAG_INHERIT);
    }
}
