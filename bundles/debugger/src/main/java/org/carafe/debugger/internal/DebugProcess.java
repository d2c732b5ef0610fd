package org.carafe.debugger.internal;

import org.carafe.api.debug.DebugSession;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * debug_process: attaches the caller's process as debugger of a process by pid (its startup
 * events are queued at once), or detaches it (the debuggee runs on). Attaching to oneself, to
 * a debugged process, to one still initialising or to one's own debugger:
 * STATUS_ACCESS_DENIED. Stateless; called on the loop.
 */
@Component(name = "debug_process", property = RequestHandler.REQUEST + "=debug_process",
        service = RequestHandler.class)
public final class DebugProcess implements RequestHandler {
    @Override
    public void handle(Request request) {
        int pid = request.in().u32();
        boolean attach = request.in().u32() != 0;
        EmuProcess debugger = request.caller().process();
        EmuProcess target = request.kernel().process(pid);
        if (target == null) {
            throw new StatusException(Status.INVALID_CID);
        }

        if (attach) {
            attach(debugger, target);
        } else {
            DebugSession session = DebugSession.of(debugger);
            if (session == null) {
                throw new StatusException(Status.ACCESS_DENIED);
            }
            session.detach(target);
        }
    }

    private static void attach(EmuProcess debugger, EmuProcess target) {
        if (target == debugger || target.hasEnded() || !target.isInitDone()
                || target.threads().isEmpty() || DebugSession.debuggerOf(target) != null
                || debugs(target, debugger)) {
            throw new StatusException(Status.ACCESS_DENIED);
        }

        DebugSession session = DebugSession.obtain(debugger);
        session.attach(target, false);
        DebugEvents.queueStartup(session, target);
    }

    /** Whether {@code process} is, directly or through its own debuggers, among ours. */
    private static boolean debugs(EmuProcess candidate, EmuProcess process) {
        DebugSession own = DebugSession.of(candidate);
        for (DebugSession s = DebugSession.debuggerOf(process); s != null; ) {
            if (s == own) {
                return true;
            }
            EmuProcess next = s.kernel().process(s.debuggerPid());
            s = next != null ? DebugSession.debuggerOf(next) : null;
        }
        return false;
    }
}
