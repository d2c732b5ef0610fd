package org.carafe.debugger.internal;

import java.util.List;

import org.carafe.api.debug.DebugDetails;
import org.carafe.api.debug.DebugEvent;
import org.carafe.api.debug.DebugSession;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Module;

/**
 * Makes debug events and queues them on the debuggee's session: the startup set of a process
 * and single events from its lifecycle. Stateless; called on the loop.
 */
final class DebugEvents {
    private DebugEvents() {
    }

    /**
     * Queues CREATE_PROCESS for the first thread, CREATE_THREAD for each other thread and
     * LOAD_DLL for each module in load order, then marks the debuggee started.
     */
    static void queueStartup(DebugSession session, EmuProcess process) {
        List<EmuThread> threads = process.threads();
        if (threads.isEmpty()) {
            return;
        }

        EmuThread first = threads.get(0);
        queue(session, DebugEvent.CREATE_PROCESS, first,
                DebugDetails.process(process.command()));
        for (EmuThread other : threads.subList(1, threads.size())) {
            queue(session, DebugEvent.CREATE_THREAD, other, DebugDetails.none());
        }
        for (Module module : process.modules()) {
            queue(session, DebugEvent.LOAD_DLL, first,
                    DebugDetails.module(module.base(), module.size(), module.name()));
        }
        session.markStarted(process);
    }

    /**
     * Queues an event about {@code thread} if its process is a started debuggee; returns the
     * event (the caller owns no reference) or null.
     */
    static DebugEvent generate(int code, EmuThread thread, DebugDetails details) {
        EmuProcess process = thread.process();
        DebugSession session = DebugSession.debuggerOf(process);
        if (session == null || !DebugSession.isStarted(process) || session.isClosed()) {
            return null;
        }
        return queue(session, code, thread, details);
    }

    /**
     * The not yet continued event of type {@code code} about {@code thread} in its process's
     * session, or null. A thread blocks on its exception event, so it has at most one.
     */
    static DebugEvent outstanding(int code, EmuThread thread) {
        DebugSession session = DebugSession.debuggerOf(thread.process());
        if (session == null) {
            return null;
        }
        for (DebugEvent event : session.events()) {
            if (event.code() == code && event.thread() == thread) {
                return event;
            }
        }
        return null;
    }

    private static DebugEvent queue(DebugSession session, int code, EmuThread thread,
            DebugDetails details) {
        DebugEvent event = new DebugEvent(code, thread, details);
        session.queue(event);
        event.release();
        return event;
    }
}
