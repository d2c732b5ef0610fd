package org.carafe.debugger.internal;

import org.carafe.api.debug.DebugEvent;
import org.carafe.api.debug.DebugSession;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.HandleTable;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireWriter;
import org.osgi.service.component.annotations.Component;

/**
 * wait_debug_event: hands the caller's process the next debug event of its debuggees, with
 * full-access handles for the create events; with none ready the reply is parked in a {@link
 * DebugEventWait} until one is or the timeout passes (STATUS_TIMEOUT). A caller that is not a
 * debugger: STATUS_INVALID_HANDLE. Stateless; called on the loop.
 */
@Component(name = "wait_debug_event", property = RequestHandler.REQUEST + "=wait_debug_event",
        service = RequestHandler.class)
public final class WaitDebugEvent implements RequestHandler {
    @Override
    public void handle(Request request) {
        long timeout = request.remainingMillis(request.in().u64());
        EmuThread caller = request.caller();
        DebugSession session = DebugSession.of(caller.process());
        if (session == null) {
            throw new StatusException(Status.INVALID_HANDLE);
        }

        DebugEvent event = session.take();
        if (event != null) {
            reply(caller, event, request.out());
        } else if (timeout == 0) {
            request.setStatus(timedOut(request.out()));
        } else {
            new DebugEventWait(caller, session).park(request.park(), timeout);
        }
    }

    /**
     * Writes {@code code, pid, tid, process handle, thread handle, size, data}; the handles
     * are made in the caller's table (0 when the event carries none).
     */
    static void reply(EmuThread caller, DebugEvent event, WireWriter out) {
        HandleTable table = caller.process().handles();
        int process = 0;
        int thread = 0;
        if (event.code() == DebugEvent.CREATE_PROCESS) {
            process = table.alloc(event.process(), Rights.PROCESS_ALL_ACCESS, 0);
        }
        if (event.code() == DebugEvent.CREATE_PROCESS
                || event.code() == DebugEvent.CREATE_THREAD) {
            thread = table.alloc(event.thread(), Rights.THREAD_ALL_ACCESS, 0);
        }

        out.u32(event.code()).u32(event.pid()).u32(event.tid()).u32(process).u32(thread);
        EventData.write(event, out);
    }

    /** The empty reply of a timeout; returns STATUS_TIMEOUT. */
    static int timedOut(WireWriter out) {
        out.u32(0).u32(0).u32(0).u32(0).u32(0).u32(0);
        return Status.TIMEOUT;
    }
}
