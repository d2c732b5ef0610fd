package org.carafe.object.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Event;
import org.carafe.api.model.HandleTable;
import org.carafe.api.model.KObject;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * create_event: makes an event and a handle to it in the caller's process. A named event is
 * registered under its name; if an event of that name exists it is opened instead with
 * STATUS_OBJECT_NAME_EXISTS, and any other object of that name is STATUS_OBJECT_TYPE_MISMATCH.
 * Stateless; called on the server loop.
 */
@Component(name = "create_event", property = RequestHandler.REQUEST + "=create_event",
        service = RequestHandler.class)
public final class CreateEvent implements RequestHandler {
    @Override
    public void handle(Request request) {
        int access = request.in().u32();
        int inherit = request.in().u32();
        boolean manualReset = request.in().u32() != 0;
        boolean initialState = request.in().u32() != 0;
        String name = request.in().string();
        Kernel kernel = request.kernel();
        HandleTable handles = request.caller().process().handles();
        int flags = inherit != 0 ? Flags.HANDLE_FLAG_INHERIT : 0;
        KObject existing = name.isEmpty() ? null : kernel.lookupName(name);
        if (existing != null && !(existing instanceof Event)) {
            throw new StatusException(Status.OBJECT_TYPE_MISMATCH);
        }

        if (existing != null) {
            request.out().u32(handles.alloc(existing, access, flags));
            request.setStatus(Status.OBJECT_NAME_EXISTS);
            return;
        }

        Event event = new Event(kernel, manualReset, initialState);
        try {
            if (!name.isEmpty()) {
                event.setName(name);
            }
            request.out().u32(handles.alloc(event, access, flags));
        } finally {
            event.release();
        }
    }
}
