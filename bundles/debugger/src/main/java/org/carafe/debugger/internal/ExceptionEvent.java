package org.carafe.debugger.internal;

import org.carafe.api.debug.DebugDetails;
import org.carafe.api.debug.DebugEvent;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.osgi.service.component.annotations.Component;

/**
 * exception_event: a debuggee thread reports an exception; it waits, with the reply parked in
 * an {@link ExceptionWait}, until the debugger continues the event, and gets the continue
 * status. A process nobody debugs gets DBG_EXCEPTION_NOT_HANDLED at once. Served again after
 * an update of this bundle (see ParkedReply), it waits for the event it queued the first time
 * rather than queueing another. Stateless; called on the loop.
 */
@Component(name = "exception_event", property = RequestHandler.REQUEST + "=exception_event",
        service = RequestHandler.class)
public final class ExceptionEvent implements RequestHandler {
    @Override
    public void handle(Request request) {
        int code = request.in().u32();
        long address = request.in().u64();
        boolean firstChance = request.in().u32() != 0;

        DebugEvent event = DebugEvents.outstanding(DebugEvent.EXCEPTION, request.caller());
        if (event == null) {
            event = DebugEvents.generate(DebugEvent.EXCEPTION, request.caller(),
                    DebugDetails.exception(code, address, firstChance));
        }
        if (event == null) {
            request.out().u32(DebugEvent.DBG_EXCEPTION_NOT_HANDLED);
            return;
        }
        new ExceptionWait(request.caller(), event).park(request.park());
    }
}
