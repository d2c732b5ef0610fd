package org.carafe.object.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Event;
import org.carafe.api.model.KObject;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * open_event: a new handle in the caller's process to the event registered under a name. No
 * object of that name: STATUS_OBJECT_NAME_NOT_FOUND; another type: STATUS_OBJECT_TYPE_MISMATCH.
 * Stateless; called on the server loop.
 */
@Component(name = "open_event", property = RequestHandler.REQUEST + "=open_event",
        service = RequestHandler.class)
public final class OpenEvent implements RequestHandler {
    @Override
    public void handle(Request request) {
        int access = request.in().u32();
        int inherit = request.in().u32();
        String name = request.in().string();
        KObject object = name.isEmpty() ? null : request.kernel().lookupName(name);
        if (object == null) {
            throw new StatusException(Status.OBJECT_NAME_NOT_FOUND);
        }
        if (!(object instanceof Event)) {
            throw new StatusException(Status.OBJECT_TYPE_MISMATCH);
        }

        int flags = inherit != 0 ? Flags.HANDLE_FLAG_INHERIT : 0;
        int handle = request.caller().process().handles().alloc(object, access, flags);
        request.out().u32(handle);
    }
}
