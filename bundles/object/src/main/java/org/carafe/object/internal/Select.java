package org.carafe.object.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.model.KObject;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * select: waits until one (or, with SELECT_ALL, every) object of up to 64 handles is signaled,
 * replying with the index of the first signaled one (0 when waiting for all). Timeout 0 only
 * polls; a negative timeout waits forever. STATUS_TIMEOUT replies carry index 0. No handles at
 * all is a plain sleep for the timeout. A wait that cannot be satisfied at once is parked in a
 * {@link SelectWait}. Stateless; called on the server loop.
 */
@Component(name = "select", property = RequestHandler.REQUEST + "=select",
        service = RequestHandler.class)
public final class Select implements RequestHandler {
    /** Wine's MAXIMUM_WAIT_OBJECTS. */
    static final int MAX_OBJECTS = 64;

    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        int flags = request.in().u32();
        long timeout = request.remainingMillis(request.in().u64());
        int count = request.in().u32();
        if (count < 0 || count > MAX_OBJECTS) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        int[] handles = new int[count];
        for (int i = 0; i < count; i++) {
            handles[i] = request.in().u32();
        }
        KObject[] objects = new KObject[count];
        for (int i = 0; i < count; i++) {
            objects[i] = waitable(caller, handles[i]);
        }

        SelectWait wait = new SelectWait(caller, objects, (flags & Flags.SELECT_ALL) != 0);
        int index = wait.trySatisfy();
        if (index >= 0) {
            request.out().u32(index);
            return;
        }
        if (timeout == 0) {
            request.setStatus(Status.TIMEOUT);
            request.out().u32(0);
            return;
        }

        wait.park(request.park(), timeout);
    }

    private static KObject waitable(EmuThread caller, int handle) {
        KObject object = Handles.get(caller, handle, Rights.SYNCHRONIZE, KObject.class);
        if (!object.isWaitable()) {
            throw new StatusException(Status.OBJECT_TYPE_MISMATCH);
        }
        return object;
    }
}
