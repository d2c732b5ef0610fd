package org.carafe.object.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.HandleEntry;
import org.carafe.api.model.Handles;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * set_handle_info: changes the INHERIT and PROTECT_FROM_CLOSE bits selected by the mask and
 * replies with the old flags. Pseudo handles have no flags: they read as 0 and refuse changes.
 * Stateless; called on the server loop.
 */
@Component(name = "set_handle_info", property = RequestHandler.REQUEST + "=set_handle_info",
        service = RequestHandler.class)
public final class SetHandleInfo implements RequestHandler {
    private static final int VALID_FLAGS =
            Flags.HANDLE_FLAG_INHERIT | Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE;

    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        int handle = request.in().u32();
        int mask = request.in().u32();
        int flags = request.in().u32();
        if (Handles.pseudo(caller, handle) != null) {
            if (mask != 0) {
                throw new StatusException(Status.ACCESS_DENIED);
            }
            request.out().u32(0);
            return;
        }
        HandleEntry entry = caller.process().handles().entry(handle);
        if (entry == null) {
            throw new StatusException(Status.INVALID_HANDLE);
        }

        int old = entry.flags();
        int changed = mask & VALID_FLAGS;
        entry.setFlags((old & ~changed) | (flags & changed));
        request.out().u32(old);
    }
}
