package org.carafe.debugger.internal;

import org.carafe.api.debug.DebugDetails;
import org.carafe.api.debug.DebugEvent;
import org.carafe.api.debug.DebugSession;
import org.carafe.api.lifecycle.ProcessListener;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Module;
import org.carafe.api.model.StartupInfo;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * Turns the lifecycle of debuggees into debug events. At init_process a child created with
 * DEBUG_PROCESS or DEBUG_ONLY_THIS_PROCESS gets its creator as debugger, and a child of a
 * debuggee that debugs its children gets its parent's debugger; at init_process_done the
 * startup events are queued; later threads, thread ends and modules give their events. When a
 * debugger ends, its debuggees are killed with STATUS_DEBUGGER_INACTIVE, or, with kill-on-exit
 * off, detached. Stateless; called on the loop.
 */
// immediate: the instance outlives an update of the object core, which keeps it in the kernel
@Component(name = "debug_lifecycle", service = ProcessListener.class, immediate = true)
public final class DebugLifecycle implements ProcessListener {
    private static final int DEBUG_FLAGS = Flags.DEBUG_PROCESS | Flags.DEBUG_ONLY_THIS_PROCESS;

    @Override
    public void processInitializing(EmuProcess process, EmuProcess parent, StartupInfo info) {
        if (parent == null || info == null) {
            return;
        }
        int flags = info.createFlags();

        DebugSession session = null;
        boolean children = false;
        if ((flags & DEBUG_FLAGS) != 0 && !parent.hasEnded()) {
            session = DebugSession.obtain(parent);
            children = (flags & Flags.DEBUG_ONLY_THIS_PROCESS) == 0;
        } else if (DebugSession.debugsChildren(parent)) {
            session = DebugSession.debuggerOf(parent);
            children = true;
        }
        if (session != null && !session.isClosed()) {
            session.attach(process, children);
        }
    }

    @Override
    public void processInitDone(EmuProcess process) {
        DebugSession session = DebugSession.debuggerOf(process);
        if (session != null && !DebugSession.isStarted(process)) {
            DebugEvents.queueStartup(session, process);
        }
    }

    @Override
    public void threadStarted(EmuThread thread) {
        DebugEvents.generate(DebugEvent.CREATE_THREAD, thread, DebugDetails.none());
    }

    /** The last thread gives EXIT_PROCESS only, with the process's exit code (the thread's). */
    @Override
    public void threadEnded(EmuThread thread) {
        boolean last = thread.process().threads().isEmpty();
        int code = last ? DebugEvent.EXIT_PROCESS : DebugEvent.EXIT_THREAD;
        DebugEvents.generate(code, thread, DebugDetails.exit(thread.exitCode()));
    }

    @Override
    public void moduleLoaded(EmuProcess process, Module module) {
        EmuThread thread = anyThread(process);
        if (thread != null) {
            DebugEvents.generate(DebugEvent.LOAD_DLL, thread,
                    DebugDetails.module(module.base(), module.size(), module.name()));
        }
    }

    @Override
    public void moduleUnloaded(EmuProcess process, Module module) {
        EmuThread thread = anyThread(process);
        if (thread != null) {
            DebugEvents.generate(DebugEvent.UNLOAD_DLL, thread,
                    DebugDetails.unload(module.base()));
        }
    }

    /**
     * An ended debuggee leaves its session (its EXIT_PROCESS stays queued); an ended debugger
     * kills or detaches its debuggees and drops its session.
     */
    @Override
    public void processEnded(EmuProcess process) {
        DebugSession debugger = DebugSession.debuggerOf(process);
        if (debugger != null) {
            debugger.forget(process);
        }

        DebugSession own = DebugSession.of(process);
        if (own == null) {
            return;
        }
        process.attributes().remove(DebugSession.ATTRIBUTE);
        for (EmuProcess debuggee : own.close()) {
            own.detach(debuggee);
            if (own.killOnExit()) {
                process.kernel().terminateProcess(debuggee, Status.DEBUGGER_INACTIVE, null);
            }
        }
        own.release();
    }

    private static EmuThread anyThread(EmuProcess process) {
        return process.threads().isEmpty() ? null : process.threads().get(0);
    }
}
