package org.carafe.debugger.internal;

import org.carafe.api.debug.DebugDetails;
import org.carafe.api.debug.DebugEvent;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.osgi.service.component.annotations.Component;

/**
 * output_debug_string: queues OUTPUT_DEBUG_STRING for the caller's debugger (nothing happens
 * when nobody debugs the process). The sender does not wait, but its process is suspended
 * until the event is continued. Stateless; called on the loop.
 */
@Component(name = "output_debug_string",
        property = RequestHandler.REQUEST + "=output_debug_string",
        service = RequestHandler.class)
public final class OutputDebugString implements RequestHandler {
    @Override
    public void handle(Request request) {
        String text = request.in().string();

        DebugEvents.generate(DebugEvent.OUTPUT_DEBUG_STRING, request.caller(),
                DebugDetails.text(text));
    }
}
