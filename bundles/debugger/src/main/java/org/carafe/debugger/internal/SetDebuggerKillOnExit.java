package org.carafe.debugger.internal;

import org.carafe.api.debug.DebugSession;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * set_debugger_kill_on_exit: whether the caller's debuggees are killed (1, the default) or
 * detached (0) when its process ends without detaching. A caller that is not a debugger:
 * STATUS_INVALID_HANDLE. Stateless; called on the loop.
 */
@Component(name = "set_debugger_kill_on_exit",
        property = RequestHandler.REQUEST + "=set_debugger_kill_on_exit",
        service = RequestHandler.class)
public final class SetDebuggerKillOnExit implements RequestHandler {
    @Override
    public void handle(Request request) {
        boolean kill = request.in().u32() != 0;
        DebugSession session = DebugSession.of(request.caller().process());
        if (session == null) {
            throw new StatusException(Status.INVALID_HANDLE);
        }

        session.setKillOnExit(kill);
    }
}
