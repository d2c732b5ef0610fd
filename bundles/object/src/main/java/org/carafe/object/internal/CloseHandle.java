package org.carafe.object.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * close_handle: closes a handle of the caller's process. A protected handle is
 * STATUS_HANDLE_NOT_CLOSABLE; closing a pseudo handle does nothing and succeeds, as on Windows.
 * Stateless; called on the server loop.
 */
@Component(name = "close_handle", property = RequestHandler.REQUEST + "=close_handle",
        service = RequestHandler.class)
public final class CloseHandle implements RequestHandler {
    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        int handle = request.in().u32();
        if (Handles.pseudo(caller, handle) != null) {
            return;
        }

        int status = caller.process().handles().close(handle);
        if (status != Status.SUCCESS) {
            throw new StatusException(status);
        }
    }
}
