package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Event;
import org.carafe.api.model.KObject;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.StartupInfo;
import org.carafe.api.model.StatusException;
import org.carafe.api.model.ThreadStart;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * init_thread: makes the connection an emulated thread, of a new process with no parent, of
 * the child a startup record names, or of the process a new_thread token names.
 */
@Component(name = "init_thread", property = RequestHandler.REQUEST + "=init_thread",
        service = RequestHandler.class)
public final class InitThread implements RequestHandler {
    @Override
    public void handle(Request request) {
        int kind = request.in().u32();
        int claimedPid = request.in().u32();
        String token = request.in().string();
        String command = request.in().string();
        if (request.caller() != null) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        int linuxPid = linuxPid(request, kind, claimedPid);
        KObject record = token.isEmpty() ? null : request.kernel().tokenRecord(token);
        if (!token.isEmpty() && record == null) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }

        EmuThread thread;
        if (record instanceof ThreadStart start) {
            thread = joinProcess(request, start);
        } else if (record instanceof StartupInfo info) {
            thread = startChild(request, info, kind, linuxPid, command);
        } else if (record == null) {
            thread = startProcess(request, kind, linuxPid, command);
        } else {
            throw new StatusException(Status.INVALID_PARAMETER);
        }

        request.out().u32(thread.process().pid()).u32(thread.tid())
                .u32(record instanceof ThreadStart ? 0 : 1);
    }

    /** The Linux pid the process stands for, checked against the peer for an owned one. */
    private static int linuxPid(Request request, int kind, int claimedPid) {
        int peerPid = request.connection().peerPid();
        if (kind == Protocol.KIND_EMBEDDED) {
            return peerPid;
        }
        if (kind != Protocol.KIND_OWNED) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        if (peerPid <= 0 || !LinuxProcesses.isSelfOrDescendant(claimedPid, peerPid)) {
            throw new StatusException(Status.ACCESS_DENIED);
        }
        long peerStart = request.connection().peerStartTime();
        if (peerStart >= 0 && !LinuxProcesses.isSame(peerPid, peerStart)) {
            // the peer has gone and its pid names another process now
            throw new StatusException(Status.ACCESS_DENIED);
        }
        return claimedPid;
    }

    private static EmuThread startProcess(Request request, int kind, int linuxPid,
            String command) {
        EmuProcess process = request.kernel().createProcess(0, kind, linuxPid, command);

        return startFirstThread(request, process);
    }

    /** The first thread of the child of a startup record; the child holds the record. */
    private static EmuThread startChild(Request request, StartupInfo info, int kind,
            int linuxPid, String command) {
        if (info.isJoined()) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        int ppid = info.creator().process().pid();
        String name = info.command().isEmpty() ? command : info.command();

        EmuProcess child = request.kernel().createProcess(ppid, kind, linuxPid, name);
        child.setCreateFlags(info.createFlags());
        child.setStartupInfo(info);
        EmuThread thread = startFirstThread(request, child);
        info.join(child, thread);
        return thread;
    }

    /** Gives a new process its init event and its first thread, this connection. */
    private static EmuThread startFirstThread(Request request, EmuProcess process) {
        Kernel kernel = request.kernel();

        process.setInitEvent(new Event(kernel, true, false));
        EmuThread thread = kernel.createThread(process, request.connection());
        ProcessState.setFirstThread(process, thread.tid());
        request.bindCaller(thread);
        return thread;
    }

    /** A further thread of an existing process; the thread start is used up either way. */
    private static EmuThread joinProcess(Request request, ThreadStart start) {
        EmuProcess process = start.process();
        if (!process.takePendingStart(start)) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }

        try {
            EmuThread thread = request.kernel().createThread(process, request.connection());
            request.bindCaller(thread);
            if ((start.createFlags() & Flags.CREATE_SUSPENDED) != 0) {
                thread.suspend();
            }
            return thread;
        } finally {
            start.release();
        }
    }
}
