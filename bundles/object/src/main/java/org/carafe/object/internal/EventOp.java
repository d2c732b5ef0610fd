package org.carafe.object.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Event;
import org.carafe.api.model.Handles;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * event_op: sets, resets or pulses an event; the handle needs EVENT_MODIFY_STATE. An unknown
 * operation is STATUS_INVALID_PARAMETER. Stateless; called on the server loop.
 */
@Component(name = "event_op", property = RequestHandler.REQUEST + "=event_op",
        service = RequestHandler.class)
public final class EventOp implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        int op = request.in().u32();
        Event event = Handles.get(request.caller(), handle, Rights.EVENT_MODIFY_STATE,
                Event.class);

        switch (op) {
            case Flags.EVENT_SET -> event.set();
            case Flags.EVENT_RESET -> event.reset();
            case Flags.EVENT_PULSE -> event.pulse();
            default -> throw new StatusException(Status.INVALID_PARAMETER);
        }
    }
}
