package org.carafe.debugger.internal;

import org.carafe.api.debug.DebugEvent;
import org.carafe.api.debug.DebugSession;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * continue_debug_event: the debugger answers the event it received from thread {@code tid}
 * of process {@code pid}; the debuggee runs on and an exception_event sender gets the status.
 * Not the caller's debuggee, or no such event handed out: STATUS_ACCESS_DENIED; a status other
 * than DBG_CONTINUE, DBG_EXCEPTION_HANDLED, DBG_EXCEPTION_NOT_HANDLED:
 * STATUS_INVALID_PARAMETER. Stateless; called on the loop.
 */
@Component(name = "continue_debug_event",
        property = RequestHandler.REQUEST + "=continue_debug_event",
        service = RequestHandler.class)
public final class ContinueDebugEvent implements RequestHandler {
    @Override
    public void handle(Request request) {
        int pid = request.in().u32();
        int tid = request.in().u32();
        int status = request.in().u32();
        if (status != DebugEvent.DBG_CONTINUE && status != DebugEvent.DBG_EXCEPTION_HANDLED
                && status != DebugEvent.DBG_EXCEPTION_NOT_HANDLED) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        DebugSession session = DebugSession.of(request.caller().process());
        DebugEvent event = session != null ? session.sent(pid, tid) : null;
        if (event == null) {
            throw new StatusException(Status.ACCESS_DENIED);
        }

        session.finish(event, status);
    }
}
